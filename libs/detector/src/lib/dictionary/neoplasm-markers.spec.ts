import { describe, expect, it } from 'vitest';
import { MORPHOLOGY_MARKERS, NEOPLASM_COLUMN_MARKERS, parseNeoplasmMorphology } from './neoplasm-markers.js';
import { contentStems, stemOf } from './stems.js';

const stem = (word: string) => stemOf(word) as string;

describe('neoplasm morphology markers', () => {
  it('lists the Neoplasm Table columns in the table\'s order', () => {
    expect(NEOPLASM_COLUMN_MARKERS).toEqual(['#malignant', '#secondary', '#insitu', '#benign', '#uncertain', '#neoplasm']);
  });

  it('maps morphology words to the column they point to', () => {
    expect(MORPHOLOGY_MARKERS.get(stem('carcinoma'))).toBe('#malignant');
    expect(MORPHOLOGY_MARKERS.get(stem('cancer'))).toBe('#malignant');
    expect(MORPHOLOGY_MARKERS.get(stem('metastases'))).toBe('#secondary');
    expect(MORPHOLOGY_MARKERS.get(contentStems('in situ').join(' '))).toBe('#insitu');
    expect(MORPHOLOGY_MARKERS.get(stem('adenoma'))).toBe('#benign');
    expect(MORPHOLOGY_MARKERS.get(stem('tumour'))).toBe('#neoplasm');
    expect(MORPHOLOGY_MARKERS.get(stem('fracture'))).toBeUndefined();
  });

  it('takes no word for a marker whose stem other conditions share: a disseminated rash is no secondary neoplasm', () => {
    expect(MORPHOLOGY_MARKERS.has(stem('disseminated'))).toBe(false);
    expect(MORPHOLOGY_MARKERS.get(stem('metastases'))).toBe('#secondary');
  });

  it('rejects an unknown marker and names the entry', () => {
    expect(() => parseNeoplasmMorphology({ neoplasmMorphology: [{ marker: '#malignant', words: ['sarcoma'] }, { marker: '#cancerous', words: ['x'] }] })).toThrow(
      /neoplasm-morphology\.en\.json: neoplasmMorphology\.1\.marker:/,
    );
    expect(() => parseNeoplasmMorphology({ neoplasmMorphology: [{ marker: '#benign', words: [] }] })).toThrow(/neoplasmMorphology\.0\.words/);
  });

  it('keys multi-word morphology by its stems joined', () => {
    const markers = parseNeoplasmMorphology({ neoplasmMorphology: [{ marker: '#uncertain', words: ['uncertain behaviour'] }] });
    expect([...markers]).toEqual([[contentStems('uncertain behaviour').join(' '), '#uncertain']]);
  });
});
