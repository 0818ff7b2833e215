import type { Terminology } from '@icd/terminology';
import { z } from 'zod';
import type { DictionaryEntry, EntryDraft } from '../dictionary/term-dictionary.js';
import { CANDIDATE_FEATURES } from './code-candidates.js';
import { parseDataFile } from '../rules/parse-data-file.js';
import { stemSetKey } from '../dictionary/stems.js';

/** [times matched in training documents, times the matched code was in the document's gold]. */
const Counts = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

const RankerWeightsSchema = z.object({
  features: z.array(z.string()),
  means: z.array(z.number()),
  scales: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
});

const CalibrationFile = z.object({
  source: z.string(),
  /** Training documents the counts come from. */
  documents: z.number().int().nonnegative().default(0),
  entries: z.record(z.string(), Counts),
  codes: z.record(z.string(), Counts),
  /** Training documents whose gold carries each code. */
  goldFrequency: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Weights of the candidate ranker; absent, codes are scored by their best match. */
  ranker: RankerWeightsSchema.optional(),
  /** Codes scored below this are left out of a result unless the request sets its own minScore. */
  threshold: z.number().min(0).max(1).default(0),
});

export type Calibration = z.infer<typeof CalibrationFile>;

const LexiconFile = z.object({
  source: z.string(),
  entries: z.array(z.object({ stems: z.array(z.string().min(1)).min(1), code: z.string(), support: z.number(), precision: z.number().min(0).max(1) }).strict()),
});

export type LexiconFileContent = z.infer<typeof LexiconFile>;

export function parseCalibration(input: unknown): Calibration {
  const calibration = parseDataFile(CalibrationFile, input, 'calibration.codiesp-train.json');
  if (calibration.ranker && calibration.ranker.features.join(',') !== CANDIDATE_FEATURES.join(',')) {
    throw new Error('detector: calibration.codiesp-train.json: ranker was fitted on other features; run `npm run train` again');
  }
  return calibration;
}

/** No learned counts: every entry scores its prior. */
export const EMPTY_CALIBRATION: Calibration = { source: 'none', documents: 0, entries: {}, codes: {}, goldFrequency: {}, threshold: 0 };

/** Mined phrasings as dictionary drafts; codes the loaded code set lacks are bridged or dropped. */
export function parseLexicon(input: unknown, terminology: Terminology): EntryDraft[] {
  const file = parseDataFile(LexiconFile, input, 'lexicon.codiesp-train.json');
  const drafts: EntryDraft[] = [];
  for (const entry of file.entries) {
    const code = terminology.bridge(entry.code);
    if (!code) continue;
    drafts.push({ stems: entry.stems, code: code.replace('.', ''), source: 'lexicon', display: `Learned phrase: ${entry.stems.join(' ')}`, prior: entry.precision });
  }
  return drafts;
}

/** The key an entry's training counts are kept under. */
export function calibrationKey(entry: Pick<DictionaryEntry, 'source' | 'stems' | 'code'>): string {
  return `${entry.source}|${stemSetKey(entry.stems)}|${entry.code}`;
}

/** How many imagined observations the prior is worth when counts are few. */
const PRIOR_WEIGHT = 2;

/** Precision of a match on `entry`, learned where training saw it, the entry's prior otherwise. */
export function calibratedScore(calibration: Calibration, entry: DictionaryEntry): number {
  const counts = calibration.entries[calibrationKey(entry)];
  if (!counts) return entry.prior;
  const [matched, hits] = counts;
  return (hits + PRIOR_WEIGHT * entry.prior) / (matched + PRIOR_WEIGHT);
}

/** Every entry's calibrated score, computed once: the key is a string built per entry. */
export function calibratedScores(calibration: Calibration, entries: readonly DictionaryEntry[]): Float64Array {
  return Float64Array.from(entries.map((entry) => calibratedScore(calibration, entry)));
}
