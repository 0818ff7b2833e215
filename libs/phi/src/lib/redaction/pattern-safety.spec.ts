import { describe, expect, it } from 'vitest';
import { describeBacktrackingRisk } from './pattern-safety.js';

describe('describeBacktrackingRisk', () => {
  it.each([
    '(a+)+',
    '(?:\\w+\\s?)*',
    '(?:[a-z]+,){1,5}',
    '(?:a|b)+',
    '(?:x(?:y+)){2,}',
  ])('rejects %s', (source) => {
    expect(describeBacktrackingRisk(source)).not.toBeNull();
  });

  it.each([
    '\\d{3}-\\d{2}-\\d{4}',
    '[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24}',
    '(?:[ \\t]{1,2}(?:\\p{Lu}\\p{Ll}{1,24}|\\p{Lu}\\.)){0,3}',
    'a+b*c{2,}',
    '[(+)]+\\(\\)+',
    '(?<phi>\\d{1,2})?',
  ])('accepts %s', (source) => {
    expect(describeBacktrackingRisk(source)).toBeNull();
  });

  it('reports unbalanced parentheses', () => {
    expect(describeBacktrackingRisk('(a')).toMatch(/unbalanced/);
    expect(describeBacktrackingRisk('a)')).toMatch(/unbalanced/);
  });
});
