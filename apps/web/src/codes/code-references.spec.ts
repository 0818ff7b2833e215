import { describe, expect, it } from 'vitest';
import { looksLikeCode, splitCodeReferences } from './code-references.js';

describe('splitCodeReferences', () => {
  it('finds codes, category wildcards and both ends of ranges in a note', () => {
    const parts = splitCodeReferences('diabetes due to drug (E09.-), stage 1-5 (N18.1-N18.5) and E11.2- or O24');
    expect(parts.filter((part) => part.kind === 'code').map((part) => [part.text, part.kind === 'code' && part.code])).toEqual([
      ['E09.-', 'E09'],
      // In a range the dash joins two codes: it stays text.
      ['N18.1', 'N18.1'],
      ['N18.5', 'N18.5'],
      ['E11.2-', 'E11.2'],
      ['O24', 'O24'],
    ]);
    expect(parts.map((part) => part.text).join('')).toBe('diabetes due to drug (E09.-), stage 1-5 (N18.1-N18.5) and E11.2- or O24');
  });

  it('leaves words and numbers alone', () => {
    expect(splitCodeReferences('type 2 diabetes, HbA1c 7.5, COVID19')).toEqual([{ kind: 'text', text: 'type 2 diabetes, HbA1c 7.5, COVID19' }]);
  });
});

describe('looksLikeCode', () => {
  it('tells codes from words', () => {
    expect(['E11.22', 'e1122', 'I10', ' s72.001a '].map(looksLikeCode)).toEqual([true, true, true, true]);
    expect(['diabetes', 'type 2', 'E1'].map(looksLikeCode)).toEqual([false, false, false]);
  });
});
