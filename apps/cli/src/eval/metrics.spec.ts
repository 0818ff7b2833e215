import { describe, expect, it } from 'vitest';
import type { IsDescendant } from './matching.js';
import { evaluateRun, MAP_DEPTH, scorePredictions, type Scores } from './metrics.js';

const isPrefixDescendant: IsDescendant = (predicted, gold) => predicted !== gold && predicted.startsWith(gold);

function expectScores(actual: Scores, expected: Omit<Scores, 'f1'> & { f1?: number }): void {
  expect(actual.map).toBeCloseTo(expected.map, 12);
  expect(actual.precision).toBeCloseTo(expected.precision, 12);
  expect(actual.recall).toBeCloseTo(expected.recall, 12);
  if (expected.f1 !== undefined) expect(actual.f1).toBeCloseTo(expected.f1, 12);
  expect(actual.truePositives).toBe(expected.truePositives);
  expect(actual.predictedPairs).toBe(expected.predictedPairs);
  expect(actual.goldPairs).toBe(expected.goldPairs);
  expect(actual.mapDocuments).toBe(expected.mapDocuments);
}

describe('scorePredictions (exact, full code)', () => {
  const gold = new Map([
    ['d1', new Set(['A01.1', 'B02.2', 'C03.3'])],
    ['d2', new Set(['D04'])],
    ['d3', new Set(['E05.5', 'F06'])],
  ]);

  it('scores duplicates once, missing documents as 0 and stray documents as false positives', () => {
    const predictions = new Map([
      // Deduplicated: A01.1 X99 C03.3 Y98 -> hits at ranks 1 and 3: AP = (1/1 + 2/3) / 3 = 5/9.
      ['d1', ['A01.1', 'X99', 'c03.3', 'a011', 'Y98']],
      // Hit at rank 2: AP = (1/2) / 1.
      ['d2', ['Z00', 'D04']],
      // d3 has no predictions: AP = 0. d4 is not in the gold: its prediction is a false positive.
      ['d4', ['Q10']],
    ]);
    expectScores(scorePredictions(gold, predictions), {
      map: (5 / 9 + 1 / 2 + 0) / 3,
      precision: 3 / 7,
      recall: 3 / 6,
      f1: 6 / 13,
      truePositives: 3,
      predictedPairs: 7,
      goldPairs: 6,
      mapDocuments: 3,
    });
  });

  it('scores no predictions at all as zero everywhere, still over every gold document', () => {
    expectScores(scorePredictions(gold, new Map()), {
      map: 0, precision: 0, recall: 0, f1: 0, truePositives: 0, predictedPairs: 0, goldPairs: 6, mapDocuments: 3,
    });
  });

  it('counts gold codes absent from the predictions against recall and AP', () => {
    // Everything predicted is right, but only one of three gold codes: AP = 1/3, P = 1, R = 1/3.
    expectScores(scorePredictions(new Map([['d1', new Set(['A01.1', 'B02.2', 'C03.3'])]]), new Map([['d1', ['B02.2']]])), {
      map: 1 / 3, precision: 1, recall: 1 / 3, f1: 0.5, truePositives: 1, predictedPairs: 1, goldPairs: 3, mapDocuments: 1,
    });
  });

  it('leaves a document with an empty gold set out of MAP but counts its predictions', () => {
    const scores = scorePredictions(new Map([['d1', new Set(['I10'])], ['d2', new Set<string>()]]), new Map([['d1', ['I10']], ['d2', ['R52']]]));
    expectScores(scores, { map: 1, precision: 0.5, recall: 1, truePositives: 1, predictedPairs: 2, goldPairs: 1, mapDocuments: 1 });
  });

  it('stops AP at the scorer depth but counts every prediction in P/R', () => {
    const ranked = Array.from({ length: MAP_DEPTH }, (_unused, index) => `Z${String(index).padStart(4, '0')}`);
    const scores = scorePredictions(new Map([['d1', new Set(['I10'])]]), new Map([['d1', [...ranked, 'I10']]]));
    expectScores(scores, { map: 0, precision: 1 / (MAP_DEPTH + 1), recall: 1, truePositives: 1, predictedPairs: MAP_DEPTH + 1, goldPairs: 1, mapDocuments: 1 });
  });
});

describe('scorePredictions at coarser granularities', () => {
  const gold = new Map([['d1', new Set(['S72.001A', 'S72.001D', 'W19.XXXA', 'E11.9'])]]);
  const predictions = new Map([['d1', ['S72.001', 'W19.XXXD', 'E11.65', 'I10']]]);

  it('matches nothing on the full code', () => {
    expectScores(scorePredictions(gold, predictions), {
      map: 0, precision: 0, recall: 0, f1: 0, truePositives: 0, predictedPairs: 4, goldPairs: 4, mapDocuments: 1,
    });
  });

  it('folds gold and predictions alike when the seventh character is ignored', () => {
    // Gold {S72.001, W19, E11.9}; hits at ranks 1 and 2: AP = 2/3.
    expectScores(scorePredictions(gold, predictions, { granularity: 'ignore7th' }), {
      map: 2 / 3, precision: 2 / 4, recall: 2 / 3, f1: 4 / 7, truePositives: 2, predictedPairs: 4, goldPairs: 3, mapDocuments: 1,
    });
  });

  it('compares categories', () => {
    // Gold {S72, W19, E11}; predictions S72 W19 E11 I10: AP = 1.
    expectScores(scorePredictions(gold, predictions, { granularity: 'category' }), {
      map: 1, precision: 3 / 4, recall: 1, f1: 6 / 7, truePositives: 3, predictedPairs: 4, goldPairs: 3, mapDocuments: 1,
    });
  });

  it('keeps the first rank of codes that fold together', () => {
    // Categories I10 E11 E10 against {E11}: hit at rank 2, AP = 1/2.
    const scores = scorePredictions(new Map([['d1', new Set(['E11.22'])]]), new Map([['d1', ['I10', 'E11.9', 'E11.65', 'E10.9']]]), {
      granularity: 'category',
    });
    expectScores(scores, { map: 1 / 2, precision: 1 / 3, recall: 1, f1: 1 / 2, truePositives: 1, predictedPairs: 3, goldPairs: 1, mapDocuments: 1 });
  });
});

describe('scorePredictions, bridged', () => {
  const gold = new Map([['d1', new Set(['R51', 'M54.5', 'I10'])]]);
  const predictions = new Map([['d1', ['R51.9', 'M54.50', 'M54.59', 'R51', 'E11.9']]]);

  it('matches only R51 at rank 4 exactly', () => {
    expectScores(scorePredictions(gold, predictions), {
      map: 1 / 4 / 3, precision: 1 / 5, recall: 1 / 3, truePositives: 1, predictedPairs: 5, goldPairs: 3, mapDocuments: 1,
    });
  });

  it('matches each gold header once, by its best-ranked descendant', () => {
    // R51.9 -> R51 (rank 1), M54.50 -> M54.5 (rank 2); M54.59 and R51 find their gold code taken.
    expectScores(scorePredictions(gold, predictions, { isDescendant: isPrefixDescendant }), {
      map: 2 / 3, precision: 2 / 5, recall: 2 / 3, f1: 1 / 2, truePositives: 2, predictedPairs: 5, goldPairs: 3, mapDocuments: 1,
    });
  });
});

describe('evaluateRun', () => {
  it('scores both views, both regimes and every granularity', () => {
    const gold = new Map([['d1', new Set(['R51', 'S72.001A'])]]);
    const run = { codes: new Map([['d1', ['R51.9']]]), mentions: new Map([['d1', ['S72.001D', 'R51.9']]]) };
    const evaluation = evaluateRun(gold, run, isPrefixDescendant);
    expect(evaluation.codes.exact.full.truePositives).toBe(0);
    expect(evaluation.codes.bridged.full.truePositives).toBe(1);
    expect(evaluation.codes.exact.category.truePositives).toBe(1);
    expect(evaluation.mentions.exact.ignore7th.truePositives).toBe(1);
    // S72.001 (rank 1) and R51.9 -> R51 (rank 2) both hit: AP = 1.
    expect(evaluation.mentions.bridged.ignore7th.map).toBe(1);
  });
});
