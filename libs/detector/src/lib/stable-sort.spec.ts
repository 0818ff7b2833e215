import { describe, expect, it } from 'vitest';
import { sortInPlace } from './stable-sort.js';

describe('sortInPlace', () => {
  it('sorts a short array in place as Array.prototype.sort does, equal elements in their order', () => {
    const pairs = [
      [3, 'a'],
      [1, 'b'],
      [3, 'c'],
      [2, 'd'],
      [1, 'e'],
    ] as [number, string][];
    const expected = [...pairs].sort((a, b) => a[0] - b[0]);
    const sorted = sortInPlace(pairs, (a, b) => a[0] - b[0]);
    expect(sorted).toBe(pairs);
    expect(sorted).toEqual(expected);
  });

  it('gives the same order as Array.prototype.sort for arrays short and long', () => {
    for (const length of [0, 1, 2, 5, 16, 17, 40]) {
      const numbers = Array.from({ length }, (_, i) => (i * 7919) % 13);
      expect(sortInPlace([...numbers], (a, b) => b - a)).toEqual([...numbers].sort((a, b) => b - a));
    }
  });
});
