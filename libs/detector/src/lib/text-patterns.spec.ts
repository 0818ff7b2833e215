import { describe, expect, it } from 'vitest';
import { CombinedPattern, countCapturingGroups, describePatternProblem, escapeRegExp, literalSource } from './text-patterns.js';

const alternatives = (literals: string[]) => literals.map((literal) => ({ source: literalSource(literal), literal, value: literal }));

describe('literalSource', () => {
  it('escapes metacharacters and lets whitespace match runs of spaces and tabs only', () => {
    const regex = new RegExp(`^${literalSource('s/p  (x) a.b?')}$`, 'iu');
    expect(regex.test('S/P \t (x) a.b?')).toBe(true);
    expect(regex.test('s/p\n(x) a.b?')).toBe(false);
    expect(regex.test('s/p (x) aXb?')).toBe(false);
  });

  it('escapes only what the u flag allows to be escaped', () => {
    expect(() => new RegExp(escapeRegExp('a-b/c[d]{e}|f^$\\'), 'u')).not.toThrow();
  });
});

describe('CombinedPattern', () => {
  const pattern = new CombinedPattern(alternatives(['no', 'no evidence of', '?', 'r/o', 'not']), 'iu');

  it('matches at word boundaries on the sides that are letters or digits', () => {
    expect(pattern.matchAll('nose; No. not; snot').map((m) => m.value)).toEqual(['no', 'not']);
    expect(pattern.matchAll('pneumonia? r/o').map((m) => m.value)).toEqual(['?', 'r/o']);
  });

  it('prefers the longest alternative and never overlaps', () => {
    expect(pattern.matchAll('no evidence of no').map((m) => [m.begin, m.end, m.value])).toEqual([
      [0, 14, 'no evidence of'],
      [15, 17, 'no'],
    ]);
  });

  it('scans only the range it is given, seeing the characters around it for boundaries', () => {
    const text = 'xno no nox';
    expect(pattern.matchAll(text, 1, 9).map((m) => m.begin)).toEqual([4]);
    expect(pattern.matchAll(text, 4, 6).map((m) => m.begin)).toEqual([4]);
    expect(pattern.matchAll(text, 4, 5)).toEqual([]);
  });

  it('matches at one position with matchAt', () => {
    expect(pattern.matchAt('a no evidence of', 2)?.value).toBe('no evidence of');
    expect(pattern.matchAt('a no evidence of', 1)).toBeNull();
    expect(pattern.matchAt('ano', 1)).toBeNull();
  });

  it('holds a pattern to its left word boundary as the regex lookbehind would, outside the BMP and under case folding too', () => {
    const patterned = new CombinedPattern([{ source: 'no[ \\t]+(?:history|background)', literal: 'no history', value: 'no history' }], 'iu');
    const begins = (text: string) => patterned.matchAll(text).map((m) => m.begin);
    expect(begins('xno history, no background')).toEqual([13]);
    expect(begins('\u{1d431}no history')).toEqual([]);
    expect(begins('\u{1f600}no history')).toEqual([2]);
    // U+0345 folds to a Greek letter: under the i flag the boundary takes it for one.
    expect(begins('\u0345no history')).toEqual([]);
    expect(patterned.matchAll('a xno history no history', 2, 24).map((m) => m.begin)).toEqual([14]);
  });

  it('is empty without alternatives', () => {
    const empty = new CombinedPattern<string>([], 'u');
    expect(empty.matchAll('anything')).toEqual([]);
    expect(empty.matchAt('anything', 0)).toBeNull();
  });

  it('scans a sentence of a huge text without scanning the rest', () => {
    const text = `no ${'x '.repeat(2_000_000)}`;
    const started = performance.now();
    for (let i = 0; i < 2000; i += 1) pattern.matchAll(text, 3 + i * 2, 5 + i * 2);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('pattern checks', () => {
  it('counts capturing groups', () => {
    expect(countCapturingGroups('a(b)(?:c)(?<d>e)')).toBe(2);
  });

  it('describes what makes a pattern unusable', () => {
    expect(describePatternProblem('a\\s*/\\s*p', 'iu')).toBeNull();
    expect(describePatternProblem('(', 'iu')).toMatch(/does not compile/);
    expect(describePatternProblem('a?', 'iu')).toMatch(/empty string/);
    expect(describePatternProblem('(a)', 'iu')).toMatch(/capturing/);
  });
});
