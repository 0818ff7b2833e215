import { describe, expect, it } from 'vitest';
import { NO_MATCH, UNDECIDED, asciiLiteralWords, literalSource, matchLiteralWords } from './literal-sequence.js';

const wordsOf = (literal: string, flags = 'iu') => asciiLiteralWords(literal, literalSource(literal), flags) as string[];

describe('asciiLiteralWords', () => {
  it('splits an ASCII literal into words, lower-cased when caseless', () => {
    expect(wordsOf(' No  Evidence of ')).toEqual(['no', 'evidence', 'of']);
    expect(wordsOf('No Evidence', 'u')).toEqual(['No', 'Evidence']);
  });

  it('leaves a literal with a non-ASCII character, a hand-written pattern or no u flag to the regex', () => {
    expect(asciiLiteralWords('sin fiebre ni síntomas', literalSource('sin fiebre ni síntomas'), 'iu')).toBeNull();
    expect(asciiLiteralWords('no sign', 'no\\s+sign', 'iu')).toBeNull();
    expect(asciiLiteralWords('no sign', literalSource('no sign'), 'i')).toBeNull();
  });
});

describe('matchLiteralWords', () => {
  const noSignOf = wordsOf('no sign of');

  it('matches across spaces, tabs and no-break spaces, and returns where the literal ends', () => {
    expect(matchLiteralWords('x No  sign\tof\u00a0fever', 2, noSignOf, true, true)).toBe(13);
  });

  it('does not match across a line break, inside a longer word, or in another case without the i flag', () => {
    expect(matchLiteralWords('no sign\nof', 0, noSignOf, true, true)).toBe(NO_MATCH);
    expect(matchLiteralWords('no sign off', 0, noSignOf, true, true)).toBe(NO_MATCH);
    expect(matchLiteralWords('no sign off', 0, noSignOf, true, false)).toBe(10);
    expect(matchLiteralWords('No sign', 0, wordsOf('no sign', 'u'), false, true)).toBe(NO_MATCH);
    expect(matchLiteralWords('no sig', 0, noSignOf, true, true)).toBe(NO_MATCH);
  });

  it('leaves a non-ASCII character inside the literal to the regex, and takes a non-ASCII letter after it as a word boundary', () => {
    expect(matchLiteralWords('no \u212Aidney', 0, wordsOf('no kidney'), true, true)).toBe(UNDECIDED);
    expect(matchLiteralWords('no signé', 0, wordsOf('no sign'), true, true)).toBe(NO_MATCH);
  });
});
