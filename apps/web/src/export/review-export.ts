/** The reviewed codes of one job as a JSON document: what the coder kept, rejected and left open. */
import type { CodeProposal, DetectionResult, Evidence, ReviewDecision, TerminologyRef } from '@icd/contracts';

export interface ReviewedCode {
  code: string;
  title: string;
  /** Known for proposed codes; a replacement's billability is the terminology's to say. */
  billable?: boolean;
  decision: 'accepted' | 'replaced';
  /** The proposal this code came from (itself when accepted). */
  proposedCode: string;
  score: number;
  evidence: Evidence[];
}

export interface ReviewExport {
  jobId: string;
  externalId?: string;
  terminology: TerminologyRef;
  /** When the decisions were last saved, if they were. */
  reviewedAt: string | null;
  exportedAt: string;
  codes: ReviewedCode[];
  rejected: { code: string; title: string }[];
  pending: { code: string; title: string }[];
}

export interface ReviewExportInput {
  jobId: string;
  externalId?: string;
  result: DetectionResult;
  decisions: readonly ReviewDecision[];
  reviewedAt: string | null;
  now: Date;
}

/** Reviewed codes in the order of the proposals (best first). */
export function buildReviewExport({ jobId, externalId, result, decisions, reviewedAt, now }: ReviewExportInput): ReviewExport {
  const byCode = new Map(decisions.map((decision) => [decision.code, decision]));
  const proposals = [...result.codes].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  const summary = (proposal: CodeProposal) => ({ code: proposal.code, title: proposal.title });
  return {
    jobId,
    ...(externalId !== undefined && { externalId }),
    terminology: result.terminology,
    reviewedAt,
    exportedAt: now.toISOString(),
    codes: proposals.flatMap((proposal) => reviewedCodeOf(proposal, byCode.get(proposal.code))),
    rejected: proposals.filter((proposal) => byCode.get(proposal.code)?.status === 'rejected').map(summary),
    pending: proposals.filter((proposal) => !byCode.has(proposal.code)).map(summary),
  };
}

function reviewedCodeOf(proposal: CodeProposal, decision: ReviewDecision | undefined): ReviewedCode[] {
  const base = { proposedCode: proposal.code, score: proposal.score, evidence: proposal.evidence };
  if (decision?.status === 'accepted') return [{ ...base, code: proposal.code, title: proposal.title, billable: proposal.billable, decision: 'accepted' }];
  if (decision?.status === 'replaced') {
    return [{ ...base, code: decision.replacement.code, title: decision.replacement.title ?? decision.replacement.code, decision: 'replaced' }];
  }
  return [];
}
