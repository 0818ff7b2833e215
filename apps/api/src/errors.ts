/** An error that is answered as `{ error: { code, message, field? } }` with its HTTP status. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field?: string; issues?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** Redis did not answer (down, unreachable or too slow): the request may be retried later. */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

export function validationError(issues: FieldIssue[]): ApiError {
  const [first] = issues;
  const message = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ');
  return new ApiError(400, 'validation_failed', message, { field: first?.field, issues });
}

export function notFound(code: string, message: string): ApiError {
  return new ApiError(404, code, message);
}

type ZodLikeIssue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/**
 * Zod issues as field paths and rule messages (zod 4's default messages never quote the input). An
 * unknown key is reported at the key itself, so `field` always names what to fix.
 */
export function fieldIssues(issues: readonly ZodLikeIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) path.push(issue.keys.join(','));
    return { field: path.join('.'), message: issue.message };
  });
}
