import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { contentStems } from '../dictionary/stems.js';
import { parseLexiconExclusions } from './lexicon-exclusions.js';
import { mineLexicon, type LexiconMiningOptions, type TrainingDocument } from './mine-lexicon.js';

/**
 * 40 toy cases: "crushing retrosternal" only ever comes with I21.9, while "crushing" and
 * "retrosternal" alone also come without it; nearly every case carries I10.
 */
const documents: TrainingDocument[] = [];
function add(count: number, text: string, codes: string[]): void {
  for (let i = 0; i < count; i += 1) documents.push({ id: `doc-${documents.length}`, text, codes: new Set(codes) });
}
add(5, 'Crushing retrosternal pain since this morning.', ['I21.9', 'I10']);
add(5, 'Retrosternal burning after meals.', ['I10']);
add(5, 'Crushing headache at night.', ['R51.9', 'I10']);
add(25, 'Routine blood pressure check.', ['I10']);

/** Thresholds fixed here, so that retuning the defaults does not change what these cases test. */
const OPTIONS: LexiconMiningOptions = { minSupport: 4, minPrecision: 0.35, minLift: 4, minLiftUnrelated: 4 };
const terminology = fixtureTerminology();

const phrases = (options: LexiconMiningOptions = {}) =>
  mineLexicon(terminology, documents, { ...OPTIONS, ...options }).entries.map((entry) => `${entry.stems.join(' ')} -> ${entry.code}`);

describe('mineLexicon', () => {
  const lexicon = mineLexicon(terminology, documents, OPTIONS);

  it('learns a phrase that comes with a code far more often than the code comes otherwise', () => {
    const entry = lexicon.entries.find((found) => found.stems.join(' ') === contentStems('crushing retrosternal').join(' '));
    // Smoothed precision: (5 + 4 imagined documents at the 5/40 base rate) / (5 + 4).
    expect(entry).toEqual({ stems: contentStems('crushing retrosternal'), code: 'I21.9', support: 5, precision: Math.round(((5 + 4 * (5 / 40)) / 9) * 1000) / 1000 });
    expect(lexicon.source).toMatch(/40 documents/);
  });

  it('does not learn a word that also comes without the code', () => {
    expect(phrases()).not.toContain('crush -> I21.9');
    expect(phrases()).not.toContain('retrostern -> I21.9');
  });

  it('does not learn a code nearly every case carries: nothing predicts it', () => {
    expect(lexicon.entries.filter((entry) => entry.code === 'I10')).toEqual([]);
  });

  it('keeps a longer phrase only where it is more precise than the shorter ones inside it', () => {
    expect(phrases()).toContain('pain -> I21.9');
    expect(phrases()).not.toContain('retrostern pain -> I21.9');
    expect(phrases()).not.toContain('crush retrostern pain -> I21.9');
  });

  it('asks more of a phrase that shares no word with how the classification names the code', () => {
    expect(phrases({ minLiftUnrelated: 100 })).toEqual(['headach -> R51.9']);
  });

  it('learns no phrase that carries a negation word: assertion could not deny what the match holds', () => {
    // "no pain" comes only with I21.9, while "no" and "pain" each also come without it.
    const negated: TrainingDocument[] = [];
    const addCases = (count: number, text: string, code: string) => {
      for (let i = 0; i < count; i += 1) negated.push({ id: `case-${negated.length}`, text, codes: new Set([code]) });
    };
    addCases(6, 'Crushing sensation, no pain.', 'I21.9');
    addCases(6, 'Pain at night.', 'I10');
    addCases(6, 'No fever.', 'I10');
    addCases(30, 'Routine blood pressure check.', 'I10');
    const learned = mineLexicon(terminology, negated, OPTIONS).entries.map((entry) => entry.stems.join(' '));
    expect(learned).toContain(contentStems('crushing').join(' '));
    expect(learned.filter((phrase) => phrase.split(' ').includes('no'))).toEqual([]);
  });

  it('honours the phrase length and support limits', () => {
    expect(phrases({ maxWords: 1 }).every((phrase) => !phrase.split(' -> ')[0].includes(' '))).toBe(true);
    expect(phrases({ maxWords: 1 })).not.toContain('crush retrostern -> I21.9');
    expect(phrases({ minSupport: 6, minSupportRelated: 6 })).toEqual([]);
  });

  it('asks less support of a phrase that shares a word with how the classification names the code', () => {
    // "headache" is in the title of R51.9; "crushing" is not.
    const related = [...documents];
    for (let i = 0; i < 3; i += 1) related.push({ id: `extra-${i}`, text: 'Throbbing headache today.', codes: new Set(['R51.9']) });
    const learned = (options: LexiconMiningOptions) =>
      mineLexicon(terminology, related, { ...OPTIONS, ...options }).entries.map((entry) => `${entry.stems.join(' ')} -> ${entry.code}`);
    expect(learned({ minSupport: 9, minSupportRelated: 9, minLift: 3 })).not.toContain(`${contentStems('headache').join(' ')} -> R51.9`);
    expect(learned({ minSupport: 9, minSupportRelated: 8, minLift: 3 })).toContain(`${contentStems('headache').join(' ')} -> R51.9`);
    expect(learned({ minSupport: 9, minSupportRelated: 8, minLift: 3 })).not.toContain('crush retrostern -> I21.9');
  });

  it('does not learn a phrase that names a code of another category as a phrasing of a code it only comes with', () => {
    const comorbid = (codes: string[], text = 'Headache this week.') => {
      const cases: TrainingDocument[] = [];
      for (let i = 0; i < 5; i += 1) cases.push({ id: `with-${i}`, text, codes: new Set(codes) });
      for (let i = 0; i < 45; i += 1) cases.push({ id: `without-${i}`, text: 'Routine blood pressure check.', codes: new Set(['I10']) });
      return mineLexicon(terminology, cases, OPTIONS).entries.map((entry) => `${entry.stems.join(' ')} -> ${entry.code}`);
    };
    const headache = contentStems('headache').join(' ');
    // Where the coders also gave R51.9, "headache" is its phrasing and only comes with I21.9.
    expect(comorbid(['R51.9', 'I21.9'])).toContain(`${headache} -> R51.9`);
    expect(comorbid(['R51.9', 'I21.9'])).not.toContain(`${headache} -> I21.9`);
    // Where the Index names the word's code ("Headache" R51), it is no phrasing of another category, given or not.
    expect(comorbid(['I21.9'])).not.toContain(`${headache} -> I21.9`);
    // Where the classification names no code by the words, the association is all there is to learn.
    const diaphoresis = contentStems('diaphoresis').join(' ');
    expect(comorbid(['I21.9'], 'Diaphoresis this week.')).toContain(`${diaphoresis} -> I21.9`);
  });

  it('learns no phrase with a word for a test, a procedure or a place: "viral load" is no phrasing of a condition', () => {
    const cases: TrainingDocument[] = [];
    for (let i = 0; i < 6; i += 1) cases.push({ id: `load-${i}`, text: 'Viral load measured. Diaphoresis this week.', codes: new Set(['I21.9']) });
    for (let i = 0; i < 44; i += 1) cases.push({ id: `check-${i}`, text: 'Routine blood pressure check.', codes: new Set(['I10']) });
    const learned = mineLexicon(terminology, cases, OPTIONS).entries.map((entry) => entry.stems.join(' '));
    expect(learned).toContain(contentStems('diaphoresis').join(' '));
    expect(learned.filter((phrase) => phrase.split(' ').includes(contentStems('load')[0]))).toEqual([]);
    expect(parseLexiconExclusions({ words: ['biopsy'] })).toEqual(new Set(contentStems('biopsy')));
    expect(() => parseLexiconExclusions({ words: ['Viral load'] })).toThrow(/lexicon-exclusions\.en\.json: words\.0: an excluded word is one lower-case word/);
  });

  it('skips gold codes the code set cannot place, and learns nothing from no documents', () => {
    const unplaced = documents.map((document) => ({ ...document, codes: new Set(['Q99.9']) }));
    expect(mineLexicon(terminology, unplaced, OPTIONS).entries).toEqual([]);
    expect(mineLexicon(terminology, [], OPTIONS).entries).toEqual([]);
  });
});
