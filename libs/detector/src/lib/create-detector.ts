import type { DetectionOptions, DetectionResult } from '@icd/contracts';
import type { Terminology } from '@icd/terminology';
import { buildDetectionResult } from './coding/build-result.js';
import { createCodingModel, type CodingModel, type CodingModelOptions } from './coding/coding-model.js';
import { createDetectorDoc, type DetectorDoc } from './detector-doc.js';
import { CODING_STAGES, runStagesOnDoc } from './pipeline.js';
import { loadDefaultRules } from './rules/detector-rules.js';
import type { StageDeps } from './stage.js';

export interface Detector {
  /** Codes (and, when asked, every mention) for one document. */
  detect(text: string, options?: DetectionOptions): DetectionResult;
  /** The same, with the document state the stages built, for evaluation and debugging. */
  detectWithDoc(text: string, options?: DetectionOptions): { result: DetectionResult; doc: DetectorDoc };
  readonly coding: CodingModel;
}

/**
 * The detector over a loaded terminology. Building it compiles the term dictionary (about a
 * second); detection itself is synchronous and keeps no state between documents.
 */
export function createDetector(terminology: Terminology, options: CodingModelOptions = {}): Detector {
  const coding = createCodingModel(terminology, options);
  const deps: StageDeps = { rules: loadDefaultRules(), coding };
  const detectWithDoc = (text: string, detectionOptions: DetectionOptions = {}) => {
    const doc = runStagesOnDoc(createDetectorDoc(text), CODING_STAGES, deps);
    return { result: buildDetectionResult(doc, coding, detectionOptions), doc };
  };
  return { coding, detectWithDoc, detect: (text, detectionOptions) => detectWithDoc(text, detectionOptions).result };
}

/** Every code any mention supports, best first, coded or not: the `mentions` view of an evaluation. */
export function rankAllMentionCodes(doc: DetectorDoc): string[] {
  const best = new Map<string, number>();
  for (const resolution of doc.resolutions) {
    for (const code of resolution.codes) best.set(code.code, Math.max(code.score, best.get(code.code) ?? 0));
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}
