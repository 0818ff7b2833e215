import { describe, expect, it } from 'vitest';
import { STEM_CACHE_LIMIT, contentStems, hyphenatedStems, stemCacheSize, stemOf } from './stems.js';

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

  it('keeps its cache within a limit however many distinct words it sees', () => {
    for (let i = 0; i < STEM_CACHE_LIMIT + 10; i += 1) stemOf(`word${i}x`);
    expect(stemCacheSize()).toBeLessThanOrEqual(STEM_CACHE_LIMIT);
    expect(stemOf('fractures')).toBe(stemOf('fracture'));
  });

  it('reads a word with the sentence period wink-nlp leaves on it ("hepatitis C.", "lung mass.") as the word', () => {
    expect(stemOf('c.')).toBe(stemOf('c'));
    expect(stemOf('c')).toBe('c');
    expect(stemOf('mass.')).toBe(stemOf('mass'));
    expect(stemOf('ill.')).toBe(stemOf('ill'));
    expect(stemOf('e.g.')).not.toBe(stemOf('e.g'));
  });

  it('keeps an inflammation apart from its organ\'s adjective, and reads its plural as it', () => {
    expect(stemOf('peritonitis')).not.toBe(stemOf('peritoneal'));
    expect(stemOf('thyroiditis')).not.toBe(stemOf('thyroid'));
    expect(stemOf('enteritis')).not.toBe(stemOf('entered'));
    expect(stemOf('hepatitis')).not.toBe(stemOf('hepatic'));
    expect(stemOf('hepatitides')).toBe(stemOf('hepatitis'));
  });

  it('keeps apart words Porter runs together with a condition they do not name', () => {
    expect(stemOf('general')).not.toBe(stemOf('generalized'));
    expect(stemOf('depressible')).not.toBe(stemOf('depression'));
    expect(stemOf('burning')).not.toBe(stemOf('burn'));
    expect(stemOf('burned')).toBe(stemOf('burn'));
    expect(stemOf('alcohol')).not.toBe(stemOf('alcoholism'));
    expect(stemOf('traumatic')).not.toBe(stemOf('traumatism'));
    expect(stemOf('embolization')).not.toBe(stemOf('embolism'));
    expect(stemOf('embolic')).toBe(stemOf('embolism'));
    expect(stemOf('extremities')).toBe(stemOf('extremity'));
    for (const [word, condition] of [['observed', 'observation'], ['over', 'overeating'], ['morphine', 'morphinism'], ['adipose', 'adiposity'], ['colon', 'colonization'], ['prostate', 'prostatism'], ["parkinson's", 'parkinsonism'], ['teeth', 'teething'], ['urine', 'urination'], ['premature', 'prematurity'], ['aldosterone', 'aldosteronism'], ['influenzae', 'influenza'], ['pneumoniae', 'pneumonia'], ['meningitidis', 'meningitis'], ['gonorrhoeae', 'gonorrhea'], ['diphtheriae', 'diphtheria'], ['cholerae', 'cholera'], ['inhaled', 'inhalants'], ['vasodilators', 'vasodilation'], ['conduction', 'conduct'], ['aid', 'aids'], ['extremes', 'extremity'], ['extremely', 'extremities']]) {
      expect(stemOf(word)).not.toBe(stemOf(condition));
    }
  });

  it('reads the pronoun "her" as no content, and keeps the eponym "Hers\' disease"', () => {
    expect(contentStems('her father had coronary disease')).toEqual(contentStems('father had coronary disease'));
    expect(contentStems("Hers' disease")).toEqual([stemOf('hers'), stemOf('disease')]);
    expect(stemOf('hers')).not.toBeNull();
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

  it("drops the possessive, so that an eponym reads the same with or without it", () => {
    expect(contentStems("Crohn's disease")).toEqual(contentStems('Crohn disease'));
    expect(contentStems("Graves' disease")).toEqual(contentStems('Graves disease'));
    expect(stemOf("'s")).toBeNull();
  });

  it('is empty for text without content', () => {
    expect(contentStems('')).toEqual([]);
    expect(contentStems('other, unspecified')).toEqual([]);
  });
});

describe('hyphenatedStems', () => {
  it('keeps a hyphenated word whole beside the other words, as the tokenizer keeps it', () => {
    expect(hyphenatedStems('Pre-eclampsia')).toEqual([stemOf('pre-eclampsia')]);
    expect(hyphenatedStems('post-traumatic stress')).toEqual([stemOf('post-traumatic'), ...contentStems('stress')]);
    expect(hyphenatedStems('Lymphoma, non-Hodgkin')).toEqual([...contentStems('lymphoma'), stemOf('non-hodgkin')]);
  });

  it('is null for a phrase without a hyphenated word, a dash between words included', () => {
    expect(hyphenatedStems('Essential hypertension')).toBeNull();
    expect(hyphenatedStems('Fracture - see Fracture, by site')).toBeNull();
  });
});
