import { describe, expect, it } from 'vitest';
import { type Candidate, FirstWordCandidates } from './first-word-candidates.js';
import { AsciiWordScanner } from './literal-words.js';

const candidate = (value: string, secondWord: string | null): Candidate<string> => ({ sticky: null, words: null, wordBounded: true, next: '', nextAsciiCode: -1, spaced: secondWord !== null, secondWord, value });

describe('FirstWordCandidates', () => {
  const all = [candidate('no evidence of', 'evidence'), candidate('no sign of', 'sign'), candidate('no-one', null), candidate('no evidence', 'evidence'), candidate('no', null)];
  const group = new FirstWordCandidates('no', all, true);
  const scanner = new AsciiWordScanner(true);
  const values = (text: string, nextAt: number) => group.toTry(text, nextAt, scanner).map((c) => c.value);

  it('keeps only the candidates whose second word follows, and those without one, in order of preference', () => {
    expect(values('no Evidence of', 3)).toEqual(['no evidence of', 'no-one', 'no evidence', 'no']);
    expect(values('no sign', 3)).toEqual(['no sign of', 'no-one', 'no']);
  });

  it('keeps those without a second word when another word, or none, follows', () => {
    expect(values('no fever', 3)).toEqual(['no-one', 'no']);
    expect(values('no evidences', 3)).toEqual(['no-one', 'no']);
    expect(values('no, ', 2)).toEqual(['no-one', 'no']);
  });

  it('keeps every candidate when the next word is not all ASCII', () => {
    expect(values('no évidence', 3)).toEqual(all.map((c) => c.value));
  });

  it('tries every candidate when none has a second word', () => {
    const plain = new FirstWordCandidates('x', [candidate('x-ray', null), candidate('x', null)], true);
    expect(plain.toTry('x fever', 2, scanner).map((c) => c.value)).toEqual(['x-ray', 'x']);
  });
});

describe('FirstWordCandidates.mayContinueWith', () => {
  const code = (char: string) => char.charCodeAt(0);
  const multiWord = (value: string, next: string, spaced: boolean): Candidate<string> => ({
    sticky: new RegExp(value, 'iuy'),
    words: null,
    wordBounded: true,
    next,
    nextAsciiCode: next.length === 1 && next.charCodeAt(0) < 128 ? next.charCodeAt(0) : -1,
    spaced,
    secondWord: null,
    value,
  });

  it('passes over a word followed by what no literal has there', () => {
    const group = new FirstWordCandidates('a', [multiWord('a fib', 'f', true), multiWord('a-fib', '-', false), multiWord('a\u00e9', '\u00e9', false)], true);
    expect(group.mayContinueWith(code('f'), true)).toBe(true);
    expect(group.mayContinueWith(code('-'), false)).toBe(true);
    expect(group.mayContinueWith(code('p'), true)).toBe(false);
    // The right character in the wrong place: "a-" is no "a -", "af" no "a f".
    expect(group.mayContinueWith(code('-'), true)).toBe(false);
    expect(group.mayContinueWith(code('f'), false)).toBe(false);
  });

  it('lets anything through where a one-word literal could match', () => {
    const group = new FirstWordCandidates('no', [multiWord('no fever', 'f', true), candidate('no', null)], true);
    expect(group.mayContinueWith(code('p'), true)).toBe(true);
  });
});
