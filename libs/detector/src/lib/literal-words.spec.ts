import { describe, expect, it } from 'vitest';
import { HashFilter, asciiHash } from './literal-words.js';

describe('HashFilter', () => {
  it('holds every hash added, and passes over hashes whose bit is clear', () => {
    const filter = new HashFilter();
    const words = ['no', 'denies', 'history', 'afib'];
    for (const word of words) filter.add(asciiHash(word, true));
    for (const word of words) expect(filter.mayHold(asciiHash(word, true))).toBe(true);
    expect(filter.mayHold(asciiHash('NO', true))).toBe(true);
    const empty = new HashFilter();
    expect(words.some((word) => empty.mayHold(asciiHash(word, true)))).toBe(false);
  });

  it('reads only the low bits of a hash: hashes that share them may be held', () => {
    const filter = new HashFilter();
    filter.add(5);
    expect(filter.mayHold(5 + (1 << 16))).toBe(true);
    expect(filter.mayHold(6)).toBe(false);
  });
});
