/**
 * Calls to the API this page is served by (same origin, so no CORS and no configuration), with the
 * tab's API key as a Bearer token when it has one. A 401 is announced (the key prompt listens) and
 * thrown like any other error.
 */
import type { EncounterSetting, ReviewDecision, ReviewDecisions } from '@icd/contracts';
import { getApiKey, reportAuthRequired } from './credentials.js';
import type { CodeRecord, CodeSearchHit, JobDocument, JobListEntry, JobReceipt, JobView } from './types.js';

/** An answer other than 2xx, with the API's `{ error: { code, message } }` when it sent one. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const key = getApiKey();
  const headers = { accept: 'application/json', ...(key && { authorization: `Bearer ${key}` }), ...init.headers };
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    const error = await errorOf(response);
    if (error.status === 401) reportAuthRequired({ code: error.code, message: error.message, keyUsed: key });
    throw error;
  }
  return (await response.json()) as T;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(response.status, body.error?.code ?? 'http_error', body.error?.message ?? response.statusText);
  } catch {
    return new ApiError(response.status, 'http_error', `the server answered ${response.status}`);
  }
}

const jobPath = (id: string) => `/v1/jobs/${encodeURIComponent(id)}`;
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Mentions are always asked for: the document view shows the negated and uncertain ones apart. */
export function submitNote(text: string, externalId?: string, setting?: EncounterSetting): Promise<JobReceipt> {
  return request('/v1/jobs', json('POST', { text, ...(externalId && { externalId }), options: { includeMentions: true, ...(setting && { setting }) } }));
}

export async function listJobs(limit: number): Promise<JobListEntry[]> {
  return (await request<{ jobs: JobListEntry[] }>(`/v1/jobs?limit=${limit}`)).jobs;
}

export const getJob = (id: string) => request<JobView>(jobPath(id));
export const getJobDocument = (id: string) => request<JobDocument>(`${jobPath(id)}/document`);
export const getReview = (id: string) => request<ReviewDecisions>(`${jobPath(id)}/review`);

export function saveReview(id: string, decisions: ReviewDecision[]): Promise<ReviewDecisions> {
  return request(`${jobPath(id)}/review`, json('PUT', { decisions }));
}

export const getCode = (code: string) => request<CodeRecord>(`/v1/codes/${encodeURIComponent(code)}`);

export async function searchCodes(query: string, limit: number, signal?: AbortSignal): Promise<CodeSearchHit[]> {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  return (await request<{ results: CodeSearchHit[] }>(`/v1/codes?${params}`, { signal })).results;
}
