/** A coder's decisions on one job's proposals, as the review page keeps them between saves. */
import type { CodeProposal, ReviewDecision, ReviewReplacement } from '@icd/contracts';

/** Decisions by proposed code; a code without an entry is still to be reviewed. */
export type DecisionMap = ReadonlyMap<string, ReviewDecision>;

export type DecisionChange = { kind: 'accept' } | { kind: 'reject' } | { kind: 'replace'; replacement: Required<ReviewReplacement> } | { kind: 'clear' };

export function decisionMapOf(decisions: readonly ReviewDecision[]): DecisionMap {
  return new Map(decisions.map((decision) => [decision.code, decision]));
}

/**
 * The map after a change. Accepting an accepted code (or rejecting a rejected one) undoes the
 * decision, so the same key toggles.
 */
export function applyChange(map: DecisionMap, code: string, change: DecisionChange): DecisionMap {
  const next = new Map(map);
  const current = map.get(code)?.status;
  if (change.kind === 'clear' || (change.kind === 'accept' && current === 'accepted') || (change.kind === 'reject' && current === 'rejected')) {
    next.delete(code);
  } else if (change.kind === 'accept') next.set(code, { code, status: 'accepted' });
  else if (change.kind === 'reject') next.set(code, { code, status: 'rejected' });
  else next.set(code, { code, status: 'replaced', replacement: change.replacement });
  return next;
}

/** The decisions to save, in the order of the proposals; decisions on codes not proposed are dropped. */
export function decisionsToSave(map: DecisionMap, proposals: readonly CodeProposal[]): ReviewDecision[] {
  return proposals.flatMap((proposal) => {
    const decision = map.get(proposal.code);
    return decision ? [decision] : [];
  });
}

export interface ReviewProgress {
  total: number;
  accepted: number;
  rejected: number;
  replaced: number;
  pending: number;
}

export function reviewProgress(map: DecisionMap, proposals: readonly CodeProposal[]): ReviewProgress {
  const count = (status: ReviewDecision['status']) => proposals.filter((proposal) => map.get(proposal.code)?.status === status).length;
  const [accepted, rejected, replaced] = [count('accepted'), count('rejected'), count('replaced')];
  return { total: proposals.length, accepted, rejected, replaced, pending: proposals.length - accepted - rejected - replaced };
}
