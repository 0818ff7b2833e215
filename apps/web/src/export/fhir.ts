/**
 * The reviewed codes as a FHIR R4 Bundle (type `collection`) of Condition resources, one per kept
 * code, coded in ICD-10-CM. The document names no patient, so `subject` (required in R4) is a
 * display-only reference that the receiving system is to resolve.
 */
import type { ReviewExport, ReviewedCode } from './review-export.js';

export const ICD10CM_SYSTEM = 'http://hl7.org/fhir/sid/icd-10-cm';
const VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

export interface FhirCondition {
  resourceType: 'Condition';
  verificationStatus: { coding: FhirCoding[] };
  category: { coding: FhirCoding[] }[];
  code: { coding: FhirCoding[]; text: string };
  subject: { display: string };
  recordedDate: string;
  note?: { text: string }[];
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  identifier: { system: string; value: string };
  entry: { fullUrl: string; resource: FhirCondition }[];
}

/** `newUuid` is injected so that tests get stable ids. */
export function toFhirBundle(review: ReviewExport, newUuid: () => string): FhirBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: review.exportedAt,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${newUuid()}` },
    entry: review.codes.map((code) => ({ fullUrl: `urn:uuid:${newUuid()}`, resource: conditionOf(code, review) })),
  };
}

function conditionOf(code: ReviewedCode, review: ReviewExport): FhirCondition {
  const subject = review.externalId ? `Patient of document ${review.externalId}` : `Patient of coded document ${review.jobId}`;
  const evidence = code.evidence.map((span) => `"${span.text}"`).join(', ');
  return {
    resourceType: 'Condition',
    verificationStatus: { coding: [{ system: VERIFICATION_SYSTEM, code: 'confirmed', display: 'Confirmed' }] },
    category: [{ coding: [{ system: CATEGORY_SYSTEM, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
    code: { coding: [{ system: ICD10CM_SYSTEM, code: code.code, display: code.title }], text: code.title },
    subject: { display: subject },
    recordedDate: review.reviewedAt ?? review.exportedAt,
    ...(evidence && { note: [{ text: `Evidence: ${evidence}${code.decision === 'replaced' ? ` (coder replaced ${code.proposedCode})` : ''}` }] }),
  };
}

/**
 * A random version 4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost);
 * a self-hosted server on a plain-http intranet address is not one, `getRandomValues` works anywhere.
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
