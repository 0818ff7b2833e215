import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '../dictionary/term-dictionary.js';
import type { SentenceMatch } from '../dictionary/sentence-matcher.js';
import { withoutComposedReadings } from './borrowed-words.js';

/** A match of an entry with `width` stems on `tokens`; only the fields the filter reads are real. */
function match(name: string, tokens: number[], width = tokens.length, entry: Partial<DictionaryEntry> = {}): SentenceMatch {
  return { entry: { display: name, source: 'index', ...entry } as DictionaryEntry, tokens, crossesList: false, width };
}

const names = (matches: readonly SentenceMatch[]) => matches.map((m) => m.entry.display);

describe('withoutComposedReadings', () => {
  // "Acute(0) kidney(1) injury(2) on(3) CKD(4) stage(5) 3a(6)": CKD is one token of four stems.
  const injury = match('acute kidney injury', [0, 1, 2]);
  const ckd = match('chronic kidney disease stage 3a', [4, 5, 6], 6);

  it('drops a reading whose words, on each side of a gap, belong to longer names read there', () => {
    const renal = match('renal disease, acute', [0, 1, 4]);
    expect(names(withoutComposedReadings([injury, renal, ckd]))).toEqual(['acute kidney injury', 'chronic kidney disease stage 3a']);
  });

  it('keeps an Index "with" combination and a Neoplasm Table reading, which join two names by design', () => {
    const combination = match('with combination', [0, 1, 4], 3, { combination: true });
    const neoplasm = match('neoplasm site', [0, 1, 4], 3, { source: 'neoplasm' });
    expect(withoutComposedReadings([injury, combination, neoplasm, ckd])).toHaveLength(4);
  });

  it('keeps a reading when only one side is another name\'s, or when it skips no word', () => {
    const oneSide = match('one side', [0, 1, 3]);
    const contiguous = match('kidney injury', [1, 2]);
    expect(withoutComposedReadings([injury, oneSide, contiguous, ckd])).toHaveLength(4);
  });

  // "complicated(0) by(1) acute(2) kidney(3) injury(4)"
  it('drops a reading that leaps over the first words of a wider one to take one of its words', () => {
    const aki = match('acute kidney injury', [2, 3, 4]);
    const complication = match('complication, renal', [0, 3]);
    expect(names(withoutComposedReadings([aki, complication]))).toEqual(['acute kidney injury']);
  });

  it('keeps it over an "and" that shares a word, or when it reads inside the wider one', () => {
    // "abdominal(0) and(1) ocular(2) pain(3)"
    const ocular = match('ocular pain', [2, 3], 3);
    const abdominal = match('abdominal pain', [0, 3]);
    expect(withoutComposedReadings([ocular, abdominal], [{ token: 1, punctuation: false }])).toHaveLength(2);
    // "tension(0) -(1) type(2) headache(3)"
    const tensionType = match('tension-type headache', [0, 2, 3]);
    const tension = match('headache, tension', [0, 3]);
    expect(withoutComposedReadings([tensionType, tension])).toHaveLength(2);
  });
});
