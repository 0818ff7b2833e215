import { z } from 'zod';
import { AssertionSchema } from './assertion.js';
import { CodeProposalSchema } from './code-proposal.js';
import { DetectJobDataSchema } from './detect-job.js';
import { DetectionOptionsSchema, DetectionRequestSchema } from './detection-request.js';
import { DetectionResultSchema, TerminologyRefSchema } from './detection-result.js';
import { EvidenceSchema } from './evidence.js';
import { ScoredCodeSchema } from './icd-code.js';
import { MentionSchema } from './mention.js';
import { ReviewDecisionSchema, ReviewDecisionsSchema, ReviewReplacementSchema } from './review-decisions.js';

/** Names under which the contract schemas are published, e.g. as OpenAPI `components.schemas` keys. */
export const CONTRACT_SCHEMA_NAMES = [
  'Assertion',
  'ScoredCode',
  'Evidence',
  'CodeProposal',
  'Mention',
  'TerminologyRef',
  'DetectionResult',
  'DetectionOptions',
  'DetectionRequest',
  'DetectJobData',
  'ReviewReplacement',
  'ReviewDecision',
  'ReviewDecisions',
] as const;

/** A name from {@link CONTRACT_SCHEMA_NAMES}. */
export type ContractSchemaName = (typeof CONTRACT_SCHEMA_NAMES)[number];

/** A JSON Schema document as zod emits it. */
export type JsonSchema = Record<string, unknown>;

/** Options for {@link buildContractJsonSchemas}. */
export interface ContractJsonSchemaOptions {
  /**
   * How one schema refers to another, given its name. Defaults to OpenAPI's
   * `#/components/schemas/<name>`.
   */
  readonly refUri?: (name: string) => string;
}

function createContractRegistry() {
  // A private registry, not z.globalRegistry: ids must be unique per registry, and a module that
  // is loaded twice (tests, bundles) would otherwise register them twice.
  const registry = z.registry<{ id: string }>();
  const schemas: Record<ContractSchemaName, z.ZodType> = {
    Assertion: AssertionSchema,
    ScoredCode: ScoredCodeSchema,
    Evidence: EvidenceSchema,
    CodeProposal: CodeProposalSchema,
    Mention: MentionSchema,
    TerminologyRef: TerminologyRefSchema,
    DetectionResult: DetectionResultSchema,
    DetectionOptions: DetectionOptionsSchema,
    DetectionRequest: DetectionRequestSchema,
    DetectJobData: DetectJobDataSchema,
    ReviewReplacement: ReviewReplacementSchema,
    ReviewDecision: ReviewDecisionSchema,
    ReviewDecisions: ReviewDecisionsSchema,
  };
  for (const name of CONTRACT_SCHEMA_NAMES) registry.add(schemas[name], { id: name });
  return registry;
}

/**
 * JSON Schemas (draft 2020-12, as OpenAPI 3.1 uses) of every contract, keyed by name, with
 * references between them as `$ref`s built by `refUri`. Refinements (offset consistency,
 * span ranges) cannot be expressed in JSON Schema and are enforced only by the zod schemas.
 */
export function buildContractJsonSchemas(
  options: ContractJsonSchemaOptions = {},
): Record<ContractSchemaName, JsonSchema> {
  const refUri = options.refUri ?? ((name: string) => `#/components/schemas/${name}`);
  const { schemas } = z.toJSONSchema(createContractRegistry(), { uri: refUri });
  const missing = CONTRACT_SCHEMA_NAMES.filter((name) => !(name in schemas));
  if (missing.length > 0) throw new Error(`JSON Schema generation lost: ${missing.join(', ')}`);
  return schemas as Record<ContractSchemaName, JsonSchema>;
}
