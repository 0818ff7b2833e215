import { z } from 'zod';
import { EvidenceSchema } from './evidence.js';
import { Icd10CmCodeSchema, ScoreSchema, ScoredCodeSchema } from './icd-code.js';

/** Most alternatives a proposal carries. */
export const MAX_ALTERNATIVES = 5;

/** One proposed ICD-10-CM code with the evidence that supports it. */
export const CodeProposalSchema = z.object({
  /** Dotted code, e.g. `E11.22`. */
  code: Icd10CmCodeSchema,
  /** Tabular List title of the code. */
  title: z.string().min(1),
  /** True when the code is valid for billing (a leaf of the Tabular List). */
  billable: z.boolean(),
  score: ScoreSchema,
  /** At least one span of the submitted text. */
  evidence: z.array(EvidenceSchema).min(1),
  /** The Alphabetic Index path or title that matched, e.g. `Diabetes, type 2, with, chronic kidney disease`. */
  rationale: z.string(),
  /** Close codes the coder may prefer, best first. */
  alternatives: z.array(ScoredCodeSchema).max(MAX_ALTERNATIVES),
});

/** One proposed ICD-10-CM code with the evidence that supports it. */
export type CodeProposal = z.infer<typeof CodeProposalSchema>;
