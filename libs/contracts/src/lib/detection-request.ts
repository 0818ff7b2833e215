import { z } from 'zod';

/**
 * Longest text accepted, in UTF-16 code units (about 5 MB of English). Far above any clinical
 * note; it bounds the work one request can cause.
 */
export const MAX_TEXT_LENGTH = 5_000_000;

/** The encounters whose coding conventions differ (ICD-10-CM Official Guidelines, Sections II-III and IV). */
export const ENCOUNTER_SETTINGS = ['outpatient', 'inpatient'] as const;

/** One of {@link ENCOUNTER_SETTINGS}. */
export type EncounterSetting = (typeof ENCOUNTER_SETTINGS)[number];

/** Options that shape a detection. Unknown keys are rejected so that a typo is not silently ignored. */
export const DetectionOptionsSchema = z.strictObject({
  /** Return every mention, coded or not, beside the codes. */
  includeMentions: z.boolean().optional(),
  /** Drop codes scored below this. */
  minScore: z.number().min(0).max(1).optional(),
  /**
   * The encounter the document records, which decides how a diagnosis qualified as probable,
   * suspected, likely or still to be ruled out is coded. `outpatient` (the default): not coded,
   * as the guidelines' Section IV.H has it (code what is certain, such as the symptoms). `inpatient`:
   * coded as if established, as Section II.H has it for a diagnosis documented at discharge; such a
   * code's mention keeps its `uncertain` flag for the reviewer.
   */
  setting: z.enum(ENCOUNTER_SETTINGS).optional(),
  /** Only code mentions in these section categories (snake_case, e.g. `assessment_and_plan`). */
  sections: z.array(z.string().min(1)).optional(),
  /**
   * Replace the HIPAA Safe Harbor identifiers (names, dates finer than the year, phone numbers...)
   * by typed placeholders such as `[NAME]` before the text is stored or coded: the job's document
   * and its evidence then quote the redacted text, and their offsets index it.
   */
  redact: z.boolean().optional(),
});

/** Options that shape a detection. */
export type DetectionOptions = z.infer<typeof DetectionOptionsSchema>;

/** One document submitted for coding. */
export const DetectionRequestSchema = z.strictObject({
  /** The clinical text (PHI): evidence offsets index into it exactly as submitted. */
  text: z.string().max(MAX_TEXT_LENGTH),
  /** Caller's own identifier for the document, echoed back, never interpreted. */
  externalId: z.string().min(1).max(256).optional(),
  options: DetectionOptionsSchema.optional(),
});

/** One document submitted for coding. */
export type DetectionRequest = z.infer<typeof DetectionRequestSchema>;
