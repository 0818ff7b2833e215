/**
 * Per-document matching of ranked predictions against gold codes, shared by the metrics and the
 * error records so both always agree on what counted as a hit.
 */
import { foldRankedCodes, type Granularity } from './codes.js';

/** Gold codes per document id (any spelling; normalised on use). */
export type GoldStandard = ReadonlyMap<string, ReadonlySet<string> | readonly string[]>;

/** Predicted codes per document id, most confident first (any spelling; normalised on use). */
export type RankedPredictions = ReadonlyMap<string, readonly string[]>;

/**
 * Whether `predicted` is a descendant of `gold` in the current edition (both normalised and
 * folded to the granularity being scored). Supplied by the caller so the harness stays
 * independent of the terminology library; it decides which gold codes may be bridged.
 */
export type IsDescendant = (predicted: string, gold: string) => boolean;

/** How to compare codes. */
export interface MatchOptions {
  /** Defaults to `full`. */
  granularity?: Granularity;
  /**
   * Absent: the `exact` regime (the official one). Present: the `bridged` regime, where a gold
   * code also matches one of its descendants; each gold code and each prediction matches once.
   */
  isDescendant?: IsDescendant;
}

/** One document's codes after folding, and which prediction matched which gold code. */
export interface DocumentMatch {
  id: string;
  /** Distinct folded gold codes, sorted. */
  gold: string[];
  /** Distinct folded predicted codes, most confident first. */
  predicted: string[];
  /** Per entry of `predicted`: the gold code it matched, or `null`. */
  matchedGold: (string | null)[];
}

/**
 * Matches one document. Predictions are assigned in rank order with augmenting paths (Kuhn's
 * algorithm): a prediction, once matched, stays matched, so the matching is maximum and the
 * matched ranks are as early as possible, which makes both recall and AP as high as the
 * one-to-one constraint allows. Exact equality is tried before descent so that the pairing shown
 * in error records is the natural one.
 */
export function matchDocument(
  id: string,
  gold: Iterable<string>,
  ranked: Iterable<string>,
  options: MatchOptions = {},
): DocumentMatch {
  const granularity = options.granularity ?? 'full';
  const goldCodes = foldRankedCodes(gold, granularity).sort();
  const predicted = foldRankedCodes(ranked, granularity);
  const candidates = predicted.map((code) => matchCandidates(code, goldCodes, options.isDescendant));
  const ownerOfGold = new Map<string, number>();
  const assign = (rank: number, visited: Set<string>): boolean => {
    for (const goldCode of candidates[rank]) {
      if (visited.has(goldCode)) continue;
      visited.add(goldCode);
      const owner = ownerOfGold.get(goldCode);
      if (owner === undefined || assign(owner, visited)) {
        ownerOfGold.set(goldCode, rank);
        return true;
      }
    }
    return false;
  };
  predicted.forEach((_code, rank) => assign(rank, new Set()));
  const matchedGold = predicted.map((): string | null => null);
  for (const [goldCode, rank] of ownerOfGold) matchedGold[rank] = goldCode;
  return { id, gold: goldCodes, predicted, matchedGold };
}

/** The gold codes `predicted` may match: itself first, then (bridged) the codes it descends from. */
function matchCandidates(predicted: string, gold: readonly string[], isDescendant?: IsDescendant): string[] {
  const candidates = gold.includes(predicted) ? [predicted] : [];
  if (!isDescendant) return candidates;
  for (const goldCode of gold) {
    if (goldCode !== predicted && isDescendant(predicted, goldCode)) candidates.push(goldCode);
  }
  return candidates;
}

/**
 * Matches every document that has gold codes or predictions, in id order. Documents with
 * predictions but no gold are included (their predictions are false positives, as in the
 * reference scorer's precision).
 */
export function matchDocuments(
  gold: GoldStandard,
  predictions: RankedPredictions,
  options: MatchOptions = {},
): DocumentMatch[] {
  const ids = [...new Set([...gold.keys(), ...predictions.keys()])].sort();
  return ids.map((id) => matchDocument(id, gold.get(id) ?? [], predictions.get(id) ?? [], options));
}
