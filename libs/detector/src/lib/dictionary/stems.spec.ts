import { describe, expect, it } from 'vitest';
import { contentStems, stemOf } from './stems.js';

describe('stemOf', () => {
  it('gives inflections of one word the same stem', () => {
    expect(stemOf('infarction')).toBe(stemOf('infarct'));
    expect(stemOf('fractures')).toBe(stemOf('fracture'));
    expect(stemOf('kidneys')).toBe(stemOf('kidney'));
    expect(stemOf('diabetic')).toBe(stemOf('diabetes'));
    expect(stemOf('renal')).not.toBe(stemOf('kidney'));
  });

  it('drops words that qualify a title without naming anything', () => {
    for (const word of ['unspecified', 'other', 'specified', 'with', 'nos', 'nec', 'elsewhere', 'classified']) expect(stemOf(word)).toBeNull();
  });

  it('reads Roman numerals as the Index writes stages and types', () => {
    expect(stemOf('ii')).toBe('2');
    expect(stemOf('iii')).toBe('3');
    expect(stemOf('iv')).toBe('4');
    expect(stemOf('2')).toBe('2');
  });

  it('answers the same on a second call (cached)', () => {
    expect(stemOf('hypertension')).toBe(stemOf('hypertension'));
    expect(stemOf('hypertension')).toBe(stemOf('hypertensive'));
  });
});

describe('contentStems', () => {
  it('keeps content words in order, once each, without noise words', () => {
    expect(contentStems('Type II diabetes mellitus, unspecified')).toEqual(['type', '2', stemOf('diabetes'), stemOf('mellitus')]);
    expect(contentStems('Pain, pain')).toEqual([stemOf('pain')]);
  });

  it('drops stop words, punctuation and case', () => {
    expect(contentStems('Fracture of the LOWER end of the radius')).toEqual(contentStems('fracture lower end radius'));
  });

  it('is empty for text without content', () => {
    expect(contentStems('')).toEqual([]);
    expect(contentStems('other, unspecified')).toEqual([]);
  });
});
