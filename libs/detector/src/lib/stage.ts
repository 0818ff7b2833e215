import type { DetectorDoc } from './detector-doc.js';
import type { DetectorRules } from './rules/detector-rules.js';
import type { CodingModel } from './coding/coding-model.js';

/**
 * What stages may use besides the doc. Later stages add their dependencies here (the terminology
 * index, for one) as new readonly fields.
 */
export interface StageDeps {
  readonly rules: DetectorRules;
  /** The terminology, term dictionary and learned weights; the coding stages need it. */
  readonly coding?: CodingModel;
}

/** One step of the detector: a pure function from one doc to the next. */
export type Stage = (doc: DetectorDoc, deps: StageDeps) => DetectorDoc;

/** A stage with the name it records in `doc.completedStages`. */
export interface NamedStage {
  readonly name: string;
  readonly run: Stage;
}
