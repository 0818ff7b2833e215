import { describe, expect, it } from 'vitest';
import { CLINICAL_SYNONYMS, parseClinicalSynonyms } from './clinical-synonyms.js';
import { contentStems, stemOf } from './stems.js';

const stem = (word: string) => stemOf(word) as string;

describe('clinical synonyms', () => {
  it('maps a note\'s word to the classification\'s words, by stem', () => {
    expect(CLINICAL_SYNONYMS.get(stem('distal'))).toEqual(expect.arrayContaining(contentStems('lower end')));
    expect(CLINICAL_SYNONYMS.get(stem('proximal'))).toEqual(expect.arrayContaining(contentStems('upper end')));
    expect(CLINICAL_SYNONYMS.get(stem('renal'))).toEqual([stem('kidney')]);
    expect(CLINICAL_SYNONYMS.get(stem('cardiac'))).toEqual([stem('heart')]);
    expect(CLINICAL_SYNONYMS.get(stem('thoracic'))).toEqual(expect.arrayContaining([stem('thorax'), stem('chest')]));
    // Plurals the stemmer cannot bring home.
    expect(CLINICAL_SYNONYMS.get(stem('feet'))).toEqual([stem('foot')]);
  });

  it('has nothing for a word without a synonym', () => {
    expect(CLINICAL_SYNONYMS.get(stem('pneumonia'))).toBeUndefined();
  });

  it('merges entries for the same word, without repeats', () => {
    const synonyms = parseClinicalSynonyms({
      clinicalSynonyms: [
        { words: 'renal', means: ['kidney'] },
        { words: 'Renal', means: ['kidney', 'nephric'] },
      ],
    });
    expect(synonyms.size).toBe(1);
    expect(synonyms.get(stem('renal'))).toEqual([stem('kidney'), stem('nephric')]);
  });

  it('names the entry at fault in a broken file', () => {
    expect(() => parseClinicalSynonyms({ clinicalSynonyms: [{ words: 'renal', means: ['kidney'] }, { words: 'cardiac', means: [] }] })).toThrow(
      /clinical-synonyms\.en\.json: clinicalSynonyms\.1\.means:/,
    );
    expect(() => parseClinicalSynonyms({ clinicalSynonyms: [{ words: 'renal', means: ['kidney'], extra: 1 }] })).toThrow(/clinicalSynonyms\.0/);
    expect(() => parseClinicalSynonyms({})).toThrow(/clinical-synonyms\.en\.json: clinicalSynonyms:/);
  });
});
