/**
 * CodiEsp diagnosis metrics: MAP over each document's ranked codes (the official metric) and
 * micro precision / recall / F1 over distinct (document, code) pairs, with the semantics of
 * `reference_scorer.py D --strict-map`.
 */
import { GRANULARITIES, type Granularity } from './codes.js';
import {
  matchDocuments,
  type DocumentMatch,
  type GoldStandard,
  type IsDescendant,
  type MatchOptions,
  type RankedPredictions,
} from './matching.js';

/** Ranks beyond this do not count towards AP (trectools' default depth in the official script). */
export const MAP_DEPTH = 1000;

/** The figures for one set of predictions at one granularity under one matching regime. */
export interface Scores {
  /** Mean over gold documents of average precision; a document without predictions scores 0. */
  map: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched (document, code) pairs. */
  truePositives: number;
  /** Distinct predicted (document, code) pairs, documents absent from the gold included. */
  predictedPairs: number;
  /** Distinct gold (document, code) pairs. */
  goldPairs: number;
  /** Documents averaged into MAP: those with at least one gold code. */
  mapDocuments: number;
}

/** {@link Scores} at each granularity. */
export type GranularityScores = Record<Granularity, Scores>;

/** One view of a run under both matching regimes. */
export interface ViewEvaluation {
  exact: GranularityScores;
  bridged: GranularityScores;
}

/** The two views a detection run produces, each a ranked code list per document id. */
export interface DetectionRunPredictions {
  /** What a coder would assign. */
  codes: RankedPredictions;
  /** Every mention found, ranked. */
  mentions: RankedPredictions;
}

/** Both views x both regimes x three granularities. */
export interface RunEvaluation {
  codes: ViewEvaluation;
  mentions: ViewEvaluation;
}

/**
 * Average precision of one matched document: the sum, over the ranks k (up to {@link MAP_DEPTH})
 * holding a hit, of hits-so-far / k, divided by the number of gold codes. 0 without gold codes.
 */
export function averagePrecision(match: DocumentMatch): number {
  if (match.gold.length === 0) return 0;
  let hits = 0;
  let sum = 0;
  match.matchedGold.slice(0, MAP_DEPTH).forEach((goldCode, index) => {
    if (goldCode === null) return;
    hits += 1;
    sum += hits / (index + 1);
  });
  return sum / match.gold.length;
}

/** MAP and micro P/R/F1 from already matched documents. */
export function scoreMatches(matches: readonly DocumentMatch[]): Scores {
  let apSum = 0;
  let mapDocuments = 0;
  let truePositives = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  for (const match of matches) {
    // The scorer knows documents only from gold rows, so one without gold codes has no AP.
    if (match.gold.length > 0) {
      apSum += averagePrecision(match);
      mapDocuments += 1;
    }
    truePositives += match.matchedGold.filter((goldCode) => goldCode !== null).length;
    predictedPairs += match.predicted.length;
    goldPairs += match.gold.length;
  }
  const precision = predictedPairs > 0 ? truePositives / predictedPairs : 0;
  const recall = goldPairs > 0 ? truePositives / goldPairs : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const map = mapDocuments > 0 ? apSum / mapDocuments : 0;
  return { map, precision, recall, f1, truePositives, predictedPairs, goldPairs, mapDocuments };
}

/**
 * Scores ranked predictions against the gold at one granularity under one regime (exact unless
 * `options.isDescendant` is given). Every gold document counts in MAP, with or without
 * predictions; duplicate predictions (after folding) keep their first rank.
 */
export function scorePredictions(
  gold: GoldStandard,
  predictions: RankedPredictions,
  options: MatchOptions = {},
): Scores {
  return scoreMatches(matchDocuments(gold, predictions, options));
}

/** One view scored at every granularity, exact and bridged. */
export function evaluateView(
  gold: GoldStandard,
  predictions: RankedPredictions,
  isDescendant: IsDescendant,
): ViewEvaluation {
  const atEachGranularity = (regimeDescendant?: IsDescendant): GranularityScores => {
    const entries = GRANULARITIES.map((granularity) => {
      const scores = scorePredictions(gold, predictions, { granularity, isDescendant: regimeDescendant });
      return [granularity, scores] as const;
    });
    return Object.fromEntries(entries) as GranularityScores;
  };
  return { exact: atEachGranularity(), bridged: atEachGranularity(isDescendant) };
}

/**
 * Both views of a detection run, each at every granularity, exact and bridged.
 * `isDescendant` drives the bridged regime (see {@link IsDescendant}).
 */
export function evaluateRun(
  gold: GoldStandard,
  run: DetectionRunPredictions,
  isDescendant: IsDescendant,
): RunEvaluation {
  return {
    codes: evaluateView(gold, run.codes, isDescendant),
    mentions: evaluateView(gold, run.mentions, isDescendant),
  };
}
