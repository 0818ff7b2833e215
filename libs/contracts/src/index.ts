export { AFFIRMED_ASSERTION, AssertionSchema, isAffirmed } from './lib/assertion.js';
export type { Assertion } from './lib/assertion.js';
export { ICD10CM_CODE_PATTERN, Icd10CmCodeSchema, ScoreSchema, ScoredCodeSchema } from './lib/icd-code.js';
export type { Icd10CmCode, ScoredCode } from './lib/icd-code.js';
export { EvidenceSchema } from './lib/evidence.js';
export type { Evidence } from './lib/evidence.js';
export { CodeProposalSchema, MAX_ALTERNATIVES } from './lib/code-proposal.js';
export type { CodeProposal } from './lib/code-proposal.js';
export { MentionSchema } from './lib/mention.js';
export type { Mention } from './lib/mention.js';
export { DETECTION_SCHEMA_VERSION, DetectionResultSchema, TerminologyRefSchema } from './lib/detection-result.js';
export type { DetectionResult, TerminologyRef } from './lib/detection-result.js';
export { DetectionOptionsSchema, DetectionRequestSchema, ENCOUNTER_SETTINGS, MAX_TEXT_LENGTH } from './lib/detection-request.js';
export type { DetectionOptions, DetectionRequest, EncounterSetting } from './lib/detection-request.js';
export { DETECT_JOB, DETECT_QUEUE, DetectJobDataSchema } from './lib/detect-job.js';
export type { DetectJobData } from './lib/detect-job.js';
export {
  EvidenceOffsetError,
  assertEvidenceOffsets,
  assertSpanOffsets,
  describeOffsetProblem,
  findSpanViolations,
} from './lib/evidence-offsets.js';
export type { OffsetSpan, OffsetViolation, SpanBearingResult } from './lib/evidence-offsets.js';
export {
  MAX_REVIEW_DECISIONS,
  ReviewDecisionSchema,
  ReviewDecisionsSchema,
  ReviewReplacementSchema,
} from './lib/review-decisions.js';
export type { ReviewDecision, ReviewDecisions, ReviewReplacement, ReviewStatus } from './lib/review-decisions.js';
export { CONTRACT_SCHEMA_NAMES, buildContractJsonSchemas } from './lib/json-schema.js';
export type { ContractJsonSchemaOptions, ContractSchemaName, JsonSchema } from './lib/json-schema.js';
export {
  DELETED_JOB_DATA,
  DetectJobOutcomeSchema,
  JOB_HASH_FIELDS,
  SEALED_FIELDS,
  SealedDocumentSchema,
  StoredDetectJobDataSchema,
  StoredJobDataError,
  isDeletedJobData,
  openDetectJobData,
  sealDetectJobData,
} from './lib/stored-job.js';
export type { DetectJobOutcome, OpenField, SealField, SealedField, StoredDetectJobData } from './lib/stored-job.js';
