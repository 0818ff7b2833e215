import type { Terminology } from '@icd/terminology';
import { createFixtureTerminology } from '@icd/terminology/testing';
import { createCodingModel, type CodingModel, type CodingModelOptions } from '../coding/coding-model.js';
import { parseHistoryRules } from '../coding/history-rules.js';
import { EMPTY_CALIBRATION } from '../coding/learned-data.js';
import { createDetector, type Detector } from '../create-detector.js';
import type { DetectorDoc } from '../detector-doc.js';
import { contentStems } from '../dictionary/stems.js';
import type { EntryDraft } from '../dictionary/term-dictionary.js';
import { CODING_STAGES, runStages, stagesThrough } from '../pipeline.js';
import { loadDefaultRules } from '../rules/detector-rules.js';

let terminology: Terminology | undefined;

/** The fixture code set of `@icd/terminology/testing`, built once per test file. */
export function fixtureTerminology(): Terminology {
  terminology ??= createFixtureTerminology();
  return terminology;
}

/**
 * History rules the fixture code set can satisfy: the shipped file names codes (Z85.01, Z80.0...)
 * the fixture does not hold, so it cannot be loaded there.
 */
export function fixtureHistoryRules() {
  return parseHistoryRules({ historyRules: [{ assertion: 'historical', prefixes: ['C50'], code: 'Z85.3' }] }, fixtureTerminology());
}

/**
 * One mined phrase, so that "low back pain" has two candidates: M54.50 from the classification
 * and M54.59, which the classification's own title cannot claim (its words are M54.50's).
 */
export const FIXTURE_LEXICON: EntryDraft[] = [{ stems: contentStems('low back pain'), code: 'M5459', source: 'lexicon', display: 'Learned phrase: low back pain', prior: 0.2 }];

/** Options independent of the learned data files: the fixture's one mined phrase, every entry at its prior, no "code first" defaults (the fixture's code set lacks theirs). */
export function untrainedOptions(options: CodingModelOptions = {}): CodingModelOptions {
  return { lexicon: FIXTURE_LEXICON, calibration: EMPTY_CALIBRATION, historyRules: fixtureHistoryRules(), codeFirstDefaults: [], ...options };
}

export function fixtureCodingModel(options: CodingModelOptions = {}): CodingModel {
  return createCodingModel(fixtureTerminology(), untrainedOptions(options));
}

export function fixtureDetector(options: CodingModelOptions = {}): Detector {
  return createDetector(fixtureTerminology(), untrainedOptions(options));
}

/** The coding stages over `text` up to and including `lastStage`. */
export function runCodingStages(text: string, coding: CodingModel, lastStage = 'resolve-codes'): DetectorDoc {
  return runStages(text, stagesThrough(lastStage, CODING_STAGES), { rules: loadDefaultRules(), coding });
}
