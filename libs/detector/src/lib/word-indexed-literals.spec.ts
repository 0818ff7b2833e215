import { describe, expect, it } from 'vitest';
import { literalSource } from './text-patterns.js';
import { isAsciiWordIn } from './literal-words.js';
import { WordIndexedLiterals } from './word-indexed-literals.js';

const literals = (words: string[]) =>
  [...words].sort((a, b) => b.length - a.length).map((literal) => ({ source: literalSource(literal), literal, value: literal }));

describe('WordIndexedLiterals', () => {
  const caseless = new WordIndexedLiterals(literals(['no', 'no evidence of', 'r/o', 'x-ray']), 'iu');

  it('finds one-word and multi-word literals at word starts only, longest first', () => {
    const text = 'No evidence of nose; r/o X-ray; snot no';
    expect(caseless.matchAll(text, 0, text.length).map((m) => [m.begin, m.end, m.value])).toEqual([
      [0, 14, 'no evidence of'],
      [21, 24, 'r/o'],
      [25, 30, 'x-ray'],
      [37, 39, 'no'],
    ]);
  });

  it('tolerates runs of spaces and tabs between words but not a line break', () => {
    expect(caseless.matchAll('no \t evidence  of', 0, 17).map((m) => m.value)).toEqual(['no evidence of']);
    expect(caseless.matchAll('no\nevidence of', 0, 14).map((m) => m.value)).toEqual(['no']);
  });

  it('respects the range and the word before it', () => {
    const text = 'xno no';
    expect(caseless.matchAll(text, 1, 6).map((m) => m.begin)).toEqual([4]);
    expect(caseless.matchAll(text, 4, 5)).toEqual([]);
    expect(caseless.matchAt(text, 1)).toBeNull();
    expect(caseless.matchAt(text, 4)?.value).toBe('no');
    // A letter outside the BMP before the word is still a letter.
    expect(caseless.matchAt('𝒜no', 2)).toBeNull();
    expect(caseless.matchAll('𝒜no no', 0, 7).map((m) => m.begin)).toEqual([5]);
    expect(caseless.matchAll('𝒜no no', 2, 7).map((m) => m.begin)).toEqual([5]);
  });

  it('reads letters outside ASCII as letters: accents, other scripts', () => {
    const accented = new WordIndexedLiterals(literals(['fièvre', 'no']), 'iu');
    expect(accented.matchAll('Pas de fièvre, éno no', 0, 21).map((m) => [m.begin, m.value])).toEqual([
      [7, 'fièvre'],
      [19, 'no'],
    ]);
  });

  it('matches case exactly without the i flag', () => {
    const exact = new WordIndexedLiterals(literals(['MS']), 'u');
    expect(exact.matchAll('ms MS Ms', 0, 8).map((m) => m.begin)).toEqual([3]);
  });

  it('finds a literal whose first word is written in any case, and one spelled with a sign that lower-cases to ASCII', () => {
    const kelvin = new WordIndexedLiterals(literals(['kg', 'hb']), 'iu');
    expect(kelvin.matchAll('KG Kg \u212Ag HB hB h', 0, 17).map((m) => [m.begin, m.value])).toEqual([
      [0, 'kg'],
      [3, 'kg'],
      [6, 'kg'],
      [9, 'hb'],
      [12, 'hb'],
    ]);
  });

  it('reads the words of a stretch that starts inside a character outside the BMP from that stretch', () => {
    const text = 'x\u{1D400}no no';
    expect(caseless.matchAll(text, 0, text.length).map((m) => m.begin)).toEqual([6]);
    expect(caseless.matchAll(text, 2, text.length).map((m) => m.begin)).toEqual([3, 6]);
  });

  it('accepts only literals that start with a letter or digit', () => {
    expect(WordIndexedLiterals.accepts('?')).toBe(false);
    expect(WordIndexedLiterals.accepts(' 2nd')).toBe(true);
  });

  it('compares an ASCII word in place, folding capitals only when caseless', () => {
    expect(isAsciiWordIn('a Hb b', 2, 4, 'hb', true)).toBe(true);
    expect(isAsciiWordIn('a Hb b', 2, 4, 'hb', false)).toBe(false);
    expect(isAsciiWordIn('a hb b', 2, 4, 'hb', false)).toBe(true);
    expect(isAsciiWordIn('a hbs b', 2, 5, 'hb', true)).toBe(false);
  });
});
