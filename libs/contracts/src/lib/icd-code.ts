import { z } from 'zod';

/**
 * A dotted ICD-10-CM code as the Tabular List writes it: a letter, two characters, then an
 * optional dot and one to four more characters (`E11`, `E11.22`, `S72.001A`, `U07.1`).
 * Undotted codes are rejected so that every consumer compares codes in one spelling.
 */
export const ICD10CM_CODE_PATTERN = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;

/** Schema for a dotted ICD-10-CM code. */
export const Icd10CmCodeSchema = z
  .string()
  .regex(ICD10CM_CODE_PATTERN, 'expected a dotted ICD-10-CM code such as E11.22');

/** A dotted ICD-10-CM code such as `E11.22`. */
export type Icd10CmCode = z.infer<typeof Icd10CmCodeSchema>;

/** A confidence in [0, 1]; higher is more confident. */
export const ScoreSchema = z.number().min(0).max(1);

/** A code with its title and score: a candidate or an alternative to a proposed code. */
export const ScoredCodeSchema = z.object({
  code: Icd10CmCodeSchema,
  title: z.string().min(1),
  score: ScoreSchema,
});

/** A code with its title and score: a candidate or an alternative to a proposed code. */
export type ScoredCode = z.infer<typeof ScoredCodeSchema>;
