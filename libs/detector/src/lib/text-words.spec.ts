import { describe, expect, it } from 'vitest';
import { NOT_ASCII, asciiHash } from './literal-words.js';
import { TextWords } from './text-words.js';

const wordsOf = (reader: TextWords) => Array.from({ length: reader.count }, (_, i) => [reader.begins[i], reader.ends[i]]);

describe('TextWords', () => {
  it('finds the runs of letters and digits with their exact and case-folded hashes', () => {
    const reader = new TextWords().of('No AFib, 2nd fièvre.');
    expect(wordsOf(reader)).toEqual([
      [0, 2],
      [3, 7],
      [9, 12],
      [13, 19],
    ]);
    expect(reader.exactHashes[1]).toBe(asciiHash('AFib', false));
    expect(reader.foldedHashes[1]).toBe(asciiHash('afib', true));
    expect(reader.exactHashes[3]).toBe(NOT_ASCII);
    expect(reader.foldedHashes[3]).toBe(NOT_ASCII);
  });

  it('hashes every mix of capitals, small letters and digits as written and folded', () => {
    const words = ['afib', 'AFIB', 'x3', 'X3Y', 'Zz9', '19'];
    const reader = new TextWords().of(words.join(' (x) '));
    const hashes = Array.from({ length: reader.count }, (_, i) => [reader.exactHashes[i], reader.foldedHashes[i]]);
    const expected = words.flatMap((word, i) => (i === 0 ? [] : [[asciiHash('x', false), asciiHash('x', true)]]).concat([[asciiHash(word, false), asciiHash(word, true)]]));
    expect(hashes).toEqual(expected);
  });

  it('finds the first word at or after a position, and reads a new text when given one', () => {
    const reader = new TextWords();
    reader.of('ab cd ef');
    expect([0, 1, 2, 3, 6, 8].map((position) => reader.firstAtOrAfter(position))).toEqual([0, 1, 1, 1, 2, 3]);
    expect(reader.of('x y').count).toBe(2);
  });

  it('grows past its first capacity', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    const reader = new TextWords().of(text);
    expect(reader.count).toBe(1000);
    expect(text.slice(reader.begins[999], reader.ends[999])).toBe('w999');
  });

  it('takes a letter outside the BMP as part of a word', () => {
    const reader = new TextWords().of('a\u{1D400}b c');
    expect(wordsOf(reader)).toEqual([
      [0, 4],
      [5, 6],
    ]);
  });
});
