import { describe, expect, it } from 'vitest';
import { fitLogisticRanker, rankerProbability, type RankerWeights } from './logistic-ranker.js';

/** A separable toy problem: positive when the first feature is above 5; the second is noise, the third constant. */
const rows: number[][] = [];
const labels: number[] = [];
for (let i = 0; i < 40; i += 1) {
  const signal = i % 10;
  rows.push([signal + (signal > 5 ? 0.5 : 0), (i * 7) % 3, 1]);
  labels.push(signal > 5 ? 1 : 0);
}
const names = ['signal', 'noise', 'constant'];

describe('fitLogisticRanker', () => {
  const ranker = fitLogisticRanker(names, rows, labels);

  it('learns a separable problem: every training row on the right side of 0.5', () => {
    rows.forEach((row, i) => expect(rankerProbability(ranker, row) > 0.5).toBe(labels[i] === 1));
  });

  it('generalizes along the signal and weighs it far above the noise', () => {
    expect(rankerProbability(ranker, [9, 1, 1])).toBeGreaterThan(0.9);
    expect(rankerProbability(ranker, [0, 1, 1])).toBeLessThan(0.1);
    expect(Math.abs(ranker.weights[0])).toBeGreaterThan(5 * Math.abs(ranker.weights[1]));
    expect(ranker.weights[0]).toBeGreaterThan(0);
  });

  it('standardizes features, leaving a constant one at scale 1 rather than dividing by zero', () => {
    expect(ranker.features).toEqual(names);
    expect(ranker.means[2]).toBe(1);
    expect(ranker.scales[2]).toBe(1);
    expect(ranker.scales[0]).toBeGreaterThan(1);
    expect([...ranker.weights, ranker.bias].every(Number.isFinite)).toBe(true);
  });

  it('is deterministic: the same data give the same weights', () => {
    expect(fitLogisticRanker(names, rows, labels)).toEqual(ranker);
  });

  it('shrinks weights with a stronger L2 penalty', () => {
    const shrunk = fitLogisticRanker(names, rows, labels, { l2: 0.5 });
    expect(Math.abs(shrunk.weights[0])).toBeLessThan(Math.abs(ranker.weights[0]));
  });

  it('does not learn without epochs', () => {
    const untrained = fitLogisticRanker(names, rows, labels, { epochs: 0 });
    expect(untrained.weights).toEqual([0, 0, 0]);
    expect(rankerProbability(untrained, [9, 1, 1])).toBe(0.5);
  });
});

describe('rankerProbability', () => {
  const ranker: RankerWeights = { features: ['a', 'b'], means: [1, 0], scales: [2, 1], weights: [2, -1], bias: 0.5 };

  it('is the logistic function of the bias plus the weighted standardized features', () => {
    const z = 0.5 + 2 * ((3 - 1) / 2) - 1 * 4;
    expect(rankerProbability(ranker, [3, 4])).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });

  it('stays within (0, 1)', () => {
    expect(rankerProbability(ranker, [1e6, 0])).toBeLessThanOrEqual(1);
    expect(rankerProbability(ranker, [-1e6, 0])).toBeGreaterThanOrEqual(0);
  });
});
