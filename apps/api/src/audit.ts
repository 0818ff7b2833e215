import type { Response } from 'express';

/** What a caller did to a job, as the audit trail records it. */
export type AuditAction = 'submit' | 'read' | 'review' | 'delete' | 'redact';

/**
 * One audit line: who (tenant and key id, never the key) did what to which jobs. It goes through the
 * request's logger so it carries the request id; it never carries document text, results or review
 * contents, only identifiers.
 */
export function audit(res: Response, action: AuditAction, jobIds: string | readonly string[]): void {
  res.locals.log.info(
    {
      audit: {
        action,
        tenant: res.locals.tenant ?? 'local',
        keyId: res.locals.keyId ?? null,
        jobIds: typeof jobIds === 'string' ? [jobIds] : [...jobIds],
      },
    },
    'audit',
  );
}
