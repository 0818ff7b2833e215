import { z } from 'zod';
import { CodeProposalSchema } from './code-proposal.js';
import { MentionSchema } from './mention.js';

/** Version of the {@link DetectionResult} shape; bumped on any breaking change. */
export const DETECTION_SCHEMA_VERSION = 1;

/** The code system and release the codes were drawn from. */
export const TerminologyRefSchema = z.object({
  system: z.literal('ICD-10-CM'),
  /** Release, e.g. `FY2026`. */
  version: z.string().min(1),
});

/** The code system and release the codes were drawn from. */
export type TerminologyRef = z.infer<typeof TerminologyRefSchema>;

const detectionResultShape = z.object({
  schemaVersion: z.literal(DETECTION_SCHEMA_VERSION),
  terminology: TerminologyRefSchema,
  /** Length of the submitted text in UTF-16 code units: every span ends at or before it. */
  documentLength: z.number().int().min(0),
  /** Proposed codes, best first. */
  codes: z.array(CodeProposalSchema),
  /** Every mention found, coded or not; empty unless the request asked for mentions. */
  mentions: z.array(MentionSchema),
});

/** What the detector returns for one document. */
export const DetectionResultSchema = detectionResultShape.superRefine((result, ctx) => {
  const outOfRange = (end: number) => end > result.documentLength;
  result.codes.forEach((code, i) =>
    code.evidence.forEach((evidence, j) => {
      if (outOfRange(evidence.end)) {
        ctx.addIssue({ code: 'custom', path: ['codes', i, 'evidence', j, 'end'], message: 'span ends after documentLength' });
      }
    }),
  );
  result.mentions.forEach((mention, i) => {
    if (outOfRange(mention.end)) {
      ctx.addIssue({ code: 'custom', path: ['mentions', i, 'end'], message: 'span ends after documentLength' });
    }
  });
});

/** What the detector returns for one document. */
export type DetectionResult = z.infer<typeof DetectionResultSchema>;
