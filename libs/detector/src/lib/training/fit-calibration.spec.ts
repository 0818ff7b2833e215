import { describe, expect, it } from 'vitest';
import { fixtureDetector, fixtureHistoryRules, fixtureTerminology } from '../__fixtures__/coding.js';
import { CANDIDATE_FEATURES } from '../coding/code-candidates.js';
import { calibrationKey } from '../coding/learned-data.js';
import { bestF1Threshold, chooseThreshold, createGoldMatcher, fitCalibration, fitRanker } from './fit-calibration.js';
import type { TrainingDocument } from './mine-lexicon.js';

const detector = fixtureDetector();
const doc = (id: string, text: string, codes: string[]): TrainingDocument => ({ id, text, codes: new Set(codes) });

/** The calibration key of the fixture dictionary's entry with this display. */
function keyOf(display: string): string {
  const entry = detector.coding.dictionary.entries.find((candidate) => candidate.display === display);
  if (!entry) throw new Error(`no entry ${display}`);
  return calibrationKey(entry);
}

describe('createGoldMatcher', () => {
  const isGold = createGoldMatcher(fixtureTerminology());

  it('accepts the gold code itself, and a descendant of a gold code the current code set made a header', () => {
    expect(isGold('E11.9', new Set(['E11.9']))).toBe(true);
    // M54.5 was billable when the cases were coded; FY2026 split it.
    expect(isGold('M54.50', new Set(['M54.5']))).toBe(true);
  });

  it('rejects other codes, and descendants of a gold code that is still billable or unknown', () => {
    expect(isGold('E11.22', new Set(['E11.9']))).toBe(false);
    expect(isGold('S52.502A', new Set(['S52.502A', 'I10']))).toBe(true);
    expect(isGold('I10', new Set())).toBe(false);
    expect(isGold('Q99.9', new Set(['Q99']))).toBe(false);
  });
});

describe('createGoldMatcher with moved defaults', () => {
  it('accepts the code that has replaced a gold code as the default for the same words, and only that one', () => {
    const isGold = createGoldMatcher(fixtureTerminology(), [], new Map([['I213', ['I219']]]));
    expect(isGold('I21.9', new Set(['I21.3']))).toBe(true);
    expect(isGold('I21.3', new Set(['I21.9']))).toBe(false);
    expect(isGold('I21.4', new Set(['I21.3']))).toBe(false);
  });
});

describe('createGoldMatcher with history rules', () => {
  const isGold = createGoldMatcher(fixtureTerminology(), fixtureHistoryRules());

  it('accepts the history code of a gold condition, since the coders coded the condition itself', () => {
    expect(isGold('Z85.3', new Set(['C50.919']))).toBe(true);
  });

  it('rejects a history code whose condition is not gold, and needs the rules to accept one at all', () => {
    expect(isGold('Z85.3', new Set(['E11.9']))).toBe(false);
    expect(createGoldMatcher(fixtureTerminology())('Z85.3', new Set(['C50.919']))).toBe(false);
  });
});

describe('fitCalibration', () => {
  const documents = [
    doc('a', 'Low back pain.', ['M54.5']),
    doc('b', 'Denies headache. Type 2 diabetes.', ['E11.9']),
    doc('c', 'Headache.', []),
    doc('d', 'Headache today.', ['R51.9']),
  ];
  let seen = 0;
  const calibration = fitCalibration(detector, documents, () => (seen += 1));

  it('counts, per code, the documents where a coded mention proposed it and how often the coders agreed', () => {
    expect(calibration.codes).toEqual({ 'M54.50': [1, 1], 'M54.59': [1, 1], 'E11.9': [1, 1], 'R51.9': [2, 1] });
  });

  it('counts the same per dictionary entry, by its calibration key', () => {
    expect(calibration.entries[keyOf('Index: Headache')]).toEqual([2, 1]);
    expect(calibration.entries[keyOf('Index: Diabetes, diabetic > type 2')]).toEqual([1, 1]);
    expect(calibration.entries[keyOf('Learned phrase: low back pain')]).toEqual([1, 1]);
  });

  it('skips mentions the detector would not code: the denied headache counts nowhere', () => {
    const negatedOnly = fitCalibration(detector, [doc('x', 'Denies headache.', ['R51.9'])]);
    expect(negatedOnly.codes).toEqual({});
    expect(negatedOnly.entries).toEqual({});
  });

  it('records the gold frequency of each code, the document count, and calls back per document', () => {
    expect(calibration.goldFrequency).toEqual({ 'M54.5': 1, 'E11.9': 1, 'R51.9': 1 });
    expect(calibration).toMatchObject({ documents: 4, threshold: 0 });
    expect(calibration.source).toMatch(/4 documents/);
    expect(seen).toBe(4);
  });
});

describe('chooseThreshold', () => {
  it('takes the score cut with the best F1 over the proposed codes', () => {
    // Proposed: E11.9 at 0.5 (gold), R51.9 and M54.50 at 0.45 each.
    const both = [doc('a', 'Type 2 diabetes.', ['E11.9']), doc('b', 'Headache.', []), doc('c', 'Low back pain.', ['M54.50'])];
    expect(chooseThreshold(detector, both)).toBe(0.45);
    const onlyDiabetes = [doc('a', 'Type 2 diabetes.', ['E11.9']), doc('b', 'Headache.', []), doc('c', 'Low back pain.', [])];
    expect(chooseThreshold(detector, onlyDiabetes)).toBe(0.5);
  });

  it('takes the lowest cut whose F1 is within the tolerance of the best', () => {
    // 2 gold. Cut 0.9: F1 2/3 (1 of 1 right). Cut 0.5: 1 of 2 right, F1 1/2. Cut 0.4: 2 of 3, F1 0.8. Cut 0.3: 2 of 4, F1 2/3.
    const proposals = [
      { score: 0.9, hit: true },
      { score: 0.5, hit: false },
      { score: 0.4, hit: true },
      { score: 0.3, hit: false },
    ];
    expect(bestF1Threshold(proposals, 2, 0)).toBe(0.4);
    expect(bestF1Threshold(proposals, 2, 0.2)).toBe(0.3);
    expect(bestF1Threshold([], 2)).toBe(0);
  });

  it('is 0 when no proposal is right', () => {
    expect(chooseThreshold(detector, [doc('b', 'Headache.', [])])).toBe(0);
  });
});

describe('fitRanker', () => {
  const documents = Array.from({ length: 6 }, (_, i) => doc(`d${i}`, 'Type 2 diabetes. Headache. Low back pain.', ['E11.9', 'M54.50']));
  const ranker = fitRanker(detector, documents);

  it('fits weights over the candidate features, deterministically', () => {
    expect(ranker.features).toEqual([...CANDIDATE_FEATURES]);
    expect(ranker.weights).toHaveLength(CANDIDATE_FEATURES.length);
    expect(fitRanker(detector, documents)).toEqual(ranker);
  });

  it('ranks the codes the coders gave above those they did not', () => {
    const trained = fixtureDetector({ calibration: { ...detector.coding.calibration, ranker } });
    const scores = new Map(trained.detect('Type 2 diabetes. Headache. Low back pain.', { minScore: 0 }).codes.map((proposal) => [proposal.code, proposal.score]));
    expect([...scores.keys()].sort()).toEqual(['E11.9', 'M54.50', 'M54.59', 'R51.9']);
    const worstGold = Math.min(scores.get('E11.9') as number, scores.get('M54.50') as number);
    expect(worstGold).toBeGreaterThan(scores.get('R51.9') as number);
    expect(worstGold).toBeGreaterThan(scores.get('M54.59') as number);
  });
});
