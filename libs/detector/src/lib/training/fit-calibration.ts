import type { Terminology } from '@icd/terminology';
import type { EncounterSetting } from '@icd/contracts';
import type { Calibration } from '../coding/learned-data.js';
import { calibrationKey } from '../coding/learned-data.js';
import type { Detector } from '../create-detector.js';
import { historyCodeFor, type HistoryRule } from '../coding/history-rules.js';
import type { TrainingDocument } from './mine-lexicon.js';
import { CANDIDATE_FEATURES, candidateFeatures, collectCodeCandidates } from '../coding/code-candidates.js';
import { fitLogisticRanker, type RankerWeights } from '../coding/logistic-ranker.js';

/**
 * Whether a proposed code is one the coders gave: the same code, a descendant of a gold code that
 * the current code set has made a header (the gold was coded with an older edition), or the
 * history code of a gold condition. CodiEsp's coders code a past or a relative's cancer as the
 * cancer itself where ICD-10-CM has Z85.3 or Z80.0; counting those as misses would teach the
 * ranker that history codes are noise and hide them below the threshold. Likewise the code that
 * has since replaced a gold code as the default for the same words (`movedDefaults`, undotted:
 * "myocardial infarction" was I21.3 and is I21.9), or the ranker would learn that the current
 * default is never right.
 */
export function createGoldMatcher(terminology: Terminology, historyRules: readonly HistoryRule[] = [], movedDefaults: ReadonlyMap<string, readonly string[]> = new Map()) {
  const isHistoryOfGold = (code: string, gold: ReadonlySet<string>): boolean => {
    for (const goldCode of gold) {
      if (historyCodeFor(historyRules, 'historical', goldCode) === code || historyCodeFor(historyRules, 'family', goldCode) === code) return true;
    }
    return false;
  };
  return (code: string, gold: ReadonlySet<string>): boolean => {
    if (gold.has(code)) return true;
    const compact = code.replace('.', '');
    for (const goldCode of gold) {
      const goldCompact = goldCode.replace('.', '');
      if (compact.startsWith(goldCompact) && terminology.has(goldCode) && !terminology.isBillable(goldCode)) return true;
      if (movedDefaults.get(goldCompact)?.includes(compact)) return true;
    }
    return historyRules.length > 0 && isHistoryOfGold(code, gold);
  };
}

/**
 * Counts, over training documents, how often a coded mention's dictionary entry led to a code the
 * coders gave: that share becomes the entry's score. Only mentions the detector would code count.
 */
export function fitCalibration(detector: Detector, documents: readonly TrainingDocument[], onDocument: () => void = () => undefined): Calibration {
  const isGold = createGoldMatcher(detector.coding.terminology, detector.coding.historyRules, detector.coding.dictionary.movedDefaults);
  const entries: Record<string, [number, number]> = {};
  const codes: Record<string, [number, number]> = {};
  for (const document of documents) {
    const { doc } = detector.detectWithDoc(document.text);
    const seenEntries = new Map<string, boolean>();
    const seenCodes = new Map<string, boolean>();
    doc.resolutions.forEach((resolution) => {
      if (!resolution.coded) return;
      for (const resolved of resolution.codes) {
        const hit = isGold(resolved.code, document.codes);
        seenCodes.set(resolved.code, (seenCodes.get(resolved.code) ?? false) || hit);
        for (const entryId of resolved.entries) {
          const key = calibrationKey(detector.coding.dictionary.entries[entryId]);
          seenEntries.set(key, (seenEntries.get(key) ?? false) || hit);
        }
      }
    });
    for (const [key, hit] of seenEntries) bump(entries, key, hit);
    for (const [code, hit] of seenCodes) bump(codes, code, hit);
    onDocument();
  }
  const goldFrequency: Record<string, number> = {};
  for (const document of documents) {
    for (const gold of document.codes) {
      const code = detector.coding.terminology.bridge(gold);
      if (code) goldFrequency[code] = (goldFrequency[code] ?? 0) + 1;
      // The coders' old default counts for the code that has replaced it too.
      for (const newer of detector.coding.dictionary.movedDefaults.get(gold.replace('.', '')) ?? []) {
        const dotted = detector.coding.terminology.bridge(newer);
        if (dotted) goldFrequency[dotted] = (goldFrequency[dotted] ?? 0) + 1;
      }
    }
  }
  return { source: `CodiEsp train (${documents.length} documents)`, documents: documents.length, entries, codes, goldFrequency, threshold: 0 };
}

/** Candidate features of every code the documents' coded mentions support, labelled by the gold. */
export interface RankerRows {
  rows: number[][];
  labels: number[];
}

/**
 * The setting the training cases are coded in: CodiEsp's are hospital case reports, whose coders
 * coded a diagnosis the case calls probable as if established (Section II.H of the guidelines).
 * The ranker learns how far to trust such a diagnosis from them; an outpatient detection simply
 * leaves it out.
 */
export const TRAINING_SETTING: EncounterSetting = 'inpatient';

export function rankerRows(detector: Detector, documents: readonly TrainingDocument[], setting = TRAINING_SETTING): RankerRows {
  const isGold = createGoldMatcher(detector.coding.terminology, detector.coding.historyRules, detector.coding.dictionary.movedDefaults);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const document of documents) {
    const { doc } = detector.detectWithDoc(document.text);
    for (const candidate of collectCodeCandidates(doc, () => true, setting).values()) {
      rows.push(candidateFeatures(detector.coding, candidate));
      labels.push(isGold(candidate.code, document.codes) ? 1 : 0);
    }
  }
  return { rows, labels };
}

/** Fits the candidate ranker on every code the documents' coded mentions support, labelled by the gold. */
export function fitRanker(detector: Detector, documents: readonly TrainingDocument[]): RankerWeights {
  const { rows, labels } = rankerRows(detector, documents);
  return fitLogisticRanker(CANDIDATE_FEATURES, rows, labels);
}

function bump(counts: Record<string, [number, number]>, key: string, hit: boolean): void {
  const current = counts[key] ?? [0, 0];
  counts[key] = [current[0] + 1, current[1] + (hit ? 1 : 0)];
}

/** A proposed code's score and whether the coders gave it. */
export interface ScoredProposal {
  score: number;
  hit: boolean;
}

/** Every code the detector proposes for the documents at any score, with whether it is gold. */
export function scoreProposals(detector: Detector, documents: readonly TrainingDocument[], setting = TRAINING_SETTING): ScoredProposal[] {
  const isGold = createGoldMatcher(detector.coding.terminology, detector.coding.historyRules, detector.coding.dictionary.movedDefaults);
  return documents.flatMap((document) =>
    detector.detect(document.text, { minScore: 0, setting }).codes.map((proposal) => ({ score: proposal.score, hit: isGold(proposal.code, document.codes) })),
  );
}

/**
 * F1 within this of the best counts as the best: the F1 curve is flat near its top, and there
 * its exact peak is noise that moves the cut by a tenth from one sample of documents to another.
 */
export const F1_TOLERANCE = 0.002;

/**
 * The score cut for the proposals: the lowest one whose micro F1 (against `goldTotal` gold codes)
 * is within {@link F1_TOLERANCE} of the best. Among cuts that are equally good by F1 the lowest
 * misses the fewest codes, and a coder reviewing the list can reject a proposal but not see a
 * missing one.
 */
export function bestF1Threshold(proposals: readonly ScoredProposal[], goldTotal: number, tolerance = F1_TOLERANCE): number {
  const scored = [...proposals].sort((a, b) => b.score - a.score);
  const cuts: { f1: number; threshold: number }[] = [];
  let hits = 0;
  scored.forEach((entry, index) => {
    if (entry.hit) hits += 1;
    if (index + 1 === scored.length || scored[index + 1].score < entry.score) cuts.push({ f1: (2 * hits) / (index + 1 + goldTotal), threshold: entry.score });
  });
  const best = cuts.reduce((top, cut) => Math.max(top, cut.f1), 0);
  if (best === 0) return 0;
  return cuts.filter((cut) => cut.f1 >= best - tolerance).reduce((lowest, cut) => Math.min(lowest, cut.threshold), Number.POSITIVE_INFINITY);
}

/** The score cut that gives the best micro F1 over the documents' proposed codes. */
export function chooseThreshold(detector: Detector, documents: readonly TrainingDocument[]): number {
  return bestF1Threshold(scoreProposals(detector, documents), goldCount(documents));
}

export function goldCount(documents: readonly TrainingDocument[]): number {
  return documents.reduce((sum, document) => sum + document.codes.size, 0);
}
