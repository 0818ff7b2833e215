/** The API's operations as OpenAPI 3.1 path items: every route `createApp` mounts. */
import { MAX_BATCH_DOCUMENTS } from '../batch.js';
import type { ApiConfig } from '../config.js';
import { schemaRef } from './api-schemas.js';
import { header, json, parameter, response, shared, textResponse } from './path-helpers.js';
import { privacyPaths } from './privacy-paths.js';
import { reviewPaths, uiPaths, worklistPaths } from './review-paths.js';

export type DocumentedLimits = Pick<ApiConfig, 'maxDocumentChars' | 'maxBatchChars' | 'syncMaxDocumentChars' | 'syncTimeoutMs' | 'metricsEnabled' | 'metricsRequireAuth'>;


/** Answers every operation that takes a document may give besides its success. */
const submissionErrors = {
  '400': shared('BadRequest'),
  '413': shared('PayloadTooLarge'),
  '415': shared('UnsupportedMediaType'),
  '422': shared('IdempotencyKeyReused'),
  '429': shared('QueueFull'),
  '503': shared('QueueUnavailable'),
};

/** Responses shared by several operations; every error body is an `ErrorResponse`. */
export const SHARED_RESPONSES = {
  BadRequest: response('Invalid body, query or header; `error.field` names what to fix.', schemaRef('ErrorResponse')),
  NotFound: response('No such resource.', schemaRef('ErrorResponse')),
  PayloadTooLarge: response('A document (or the body) is longer than allowed.', schemaRef('ErrorResponse')),
  UnsupportedMediaType: response('The body is not of a content type the operation accepts.', schemaRef('ErrorResponse')),
  IdempotencyKeyReused: response('The `Idempotency-Key` was already used with a different request.', schemaRef('ErrorResponse')),
  QueueFull: response('Backpressure: the queue already holds its limit of waiting jobs (`queue_full`), or the API key used up its rate limit (`rate_limited`).', schemaRef('ErrorResponse'), {
    'Retry-After': header('Seconds to wait before retrying.'),
  }),
  Unauthorized: response('No API key (`missing_api_key`), or one that is not valid (`invalid_api_key`) or revoked (`revoked_api_key`).', schemaRef('ErrorResponse'), {
    'WWW-Authenticate': header('`Bearer realm="icd10"`, with `error="invalid_token"` when a key was sent.'),
  }),
  RateLimited: response('The API key used up its rate limit (`rate_limited`).', schemaRef('ErrorResponse'), {
    'Retry-After': header('Seconds until the window resets.'),
    'RateLimit-Policy': header('`<requests>;w=<seconds>`.'),
    'RateLimit-Remaining': header('Requests left in the window (0).'),
    'RateLimit-Reset': header('Seconds until the window resets.'),
  }),
  QueueUnavailable: response('Redis does not answer; retry later.', schemaRef('ErrorResponse'), {
    'Retry-After': header('Seconds to wait before retrying.'),
  }),
  Error: response('Any other error, e.g. 500.', schemaRef('ErrorResponse')),
};

export const SHARED_PARAMETERS = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Repeating a request with the same key returns the same job(s) instead of new ones (1-255 visible ASCII characters).',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  },
  JobId: { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[\\w-]{1,128}$' } },
};

/** A document as JSON (`DetectionRequest`) or as the bare text. */
const documentBody = (maxChars: number) => ({
  required: true,
  description: `One document of at most ${maxChars} characters (UTF-16 code units).`,
  content: {
    'application/json': { schema: schemaRef('DetectionRequest') },
    'text/plain': { schema: { type: 'string', maxLength: maxChars } },
  },
});

function submissionPaths(limits: DocumentedLimits) {
  const receiptHeaders = { Location: header('The job status URL.'), 'Idempotent-Replayed': header('`true` when an earlier job was returned.') };
  return {
    '/v1/jobs': {
      post: {
        operationId: 'submitJob',
        tags: ['jobs'],
        summary: 'Submit one document for coding',
        parameters: [parameter('IdempotencyKey')],
        requestBody: documentBody(limits.maxDocumentChars),
        responses: { '202': response('Accepted: poll `statusUrl`.', schemaRef('JobReceipt'), receiptHeaders), ...submissionErrors, default: shared('Error') },
      },
    },
    '/v1/jobs:batch': {
      post: {
        operationId: 'submitBatch',
        tags: ['jobs'],
        summary: `Submit 1 to ${MAX_BATCH_DOCUMENTS} documents at once`,
        description: `One job per document, all added in one round trip to the queue. Each document is validated like \`POST /v1/jobs\` (at most ${limits.maxDocumentChars} characters, ${limits.maxBatchChars} in all); problems name the document's index (\`documents.3.text\`). An \`Idempotency-Key\` covers the whole batch.`,
        parameters: [parameter('IdempotencyKey')],
        requestBody: { required: true, ...json(schemaRef('BatchRequest')) },
        responses: { '202': response('Accepted: one job per document, in order.', schemaRef('BatchReceipt')), ...submissionErrors, default: shared('Error') },
      },
    },
    '/v1/detect': {
      post: {
        operationId: 'detect',
        tags: ['jobs'],
        summary: 'Code one short document and wait for the result',
        description: `Runs through the same queue and workers as \`POST /v1/jobs\`, waiting up to ${limits.syncTimeoutMs} ms. Documents of at most ${limits.syncMaxDocumentChars} characters.`,
        parameters: [parameter('IdempotencyKey')],
        requestBody: documentBody(limits.syncMaxDocumentChars),
        responses: {
          '200': response('The result.', schemaRef('DetectionResult'), { 'Content-Location': header('Where the result stays available.') }),
          ...submissionErrors,
          '502': response('The worker failed the job (`job_failed`).', schemaRef('JobErrorResponse')),
          '504': response('No result in time (`detect_timeout`); the job goes on: poll `job.statusUrl`.', schemaRef('JobErrorResponse'), {
            Location: header('The job status URL.'),
            'Retry-After': header('Seconds.'),
          }),
          default: shared('Error'),
        },
      },
    },
  };
}

function jobStatusPaths() {
  return {
    '/v1/jobs/{id}': {
      get: {
        operationId: 'getJob',
        tags: ['jobs'],
        summary: 'Status of a job, with its result once completed',
        parameters: [parameter('JobId')],
        responses: { '200': response('The job.', schemaRef('JobView')), '404': shared('NotFound'), '503': shared('QueueUnavailable'), default: shared('Error') },
      },
    },
    '/v1/jobs/{id}/result': {
      get: {
        operationId: 'getJobResult',
        tags: ['jobs'],
        summary: 'The DetectionResult of a completed job',
        parameters: [parameter('JobId')],
        responses: {
          '200': response('The result.', schemaRef('DetectionResult')),
          '202': response('Not finished yet; retry after `Retry-After` seconds.', schemaRef('JobReceipt'), { 'Retry-After': header('Seconds.') }),
          '404': shared('NotFound'),
          '409': response('The job failed (`job_failed`).', schemaRef('ErrorResponse')),
          '503': shared('QueueUnavailable'),
          default: shared('Error'),
        },
      },
    },
  };
}

function codePaths() {
  return {
    '/v1/codes': {
      get: {
        operationId: 'searchCodes',
        tags: ['codes'],
        summary: 'Search ICD-10-CM codes by words',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
        ],
        responses: { '200': response('Hits, best first.', schemaRef('CodeSearchResults')), '400': shared('BadRequest'), default: shared('Error') },
      },
    },
    '/v1/codes/{code}': {
      get: {
        operationId: 'getCode',
        tags: ['codes'],
        summary: 'The full record of one code (dotted or not, any case)',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': response('The code.', schemaRef('CodeRecord')), '404': shared('NotFound'), default: shared('Error') },
      },
    },
  };
}

function operationalPaths(limits: DocumentedLimits) {
  const text = textResponse;
  return {
    '/healthz': { get: { operationId: 'health', tags: ['operations'], summary: 'Liveness', security: [], responses: { '200': response('The process answers.', schemaRef('Health')) } } },
    '/readyz': {
      get: {
        operationId: 'ready', tags: ['operations'],
        summary: 'Readiness: Redis answers and a worker is connected',
        security: [],
        responses: { '200': response('Ready.', schemaRef('Readiness')), '503': response('Not ready.', schemaRef('NotReady')) },
      },
    },
    ...(limits.metricsEnabled && {
      '/metrics': {
        get: {
          operationId: 'metrics', tags: ['operations'],
          summary: 'Prometheus metrics',
          // Public unless METRICS_REQUIRE_AUTH, which takes any tenant's key.
          security: limits.metricsRequireAuth ? [{ apiKey: [] }] : [],
          responses: {
            '200': text('Prometheus text exposition format 0.0.4.', 'text/plain'),
            ...(limits.metricsRequireAuth && { '401': shared('Unauthorized') }),
          },
        },
      },
    }),
    '/openapi.json': {
      get: { operationId: 'openapi', tags: ['operations'], summary: 'This document', security: [], responses: { '200': response('OpenAPI 3.1.', { type: 'object' }) } },
    },
    '/docs': { get: { operationId: 'docs', tags: ['operations'], summary: 'Browsable documentation (Swagger UI)', security: [], responses: { '200': text('HTML page.', 'text/html') } } },
  };
}

export function buildPaths(limits: DocumentedLimits) {
  const groups: Record<string, Record<string, unknown>>[] = [
    submissionPaths(limits),
    worklistPaths(),
    jobStatusPaths(),
    reviewPaths(),
    privacyPaths(limits.maxDocumentChars),
    codePaths(),
    operationalPaths(limits),
    uiPaths(),
  ];
  // Merged per path, as one path (`/v1/jobs`) has its operations in two groups.
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of groups) {
    for (const [path, item] of Object.entries(group)) paths[path] = { ...paths[path], ...item };
  }
  return withAuthResponses(paths);
}

/**
 * Every `/v1` operation takes an API key and counts against its rate limit: 401 and 429 are added
 * to each (the 429 a submission already declares covers both of its causes).
 */
function withAuthResponses(paths: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      if (!path.startsWith('/v1/')) return [path, item];
      const operations = Object.entries(item as Record<string, { responses: Record<string, unknown> }>).map(([method, operation]) => {
        const { default: fallback, ...declared } = operation.responses;
        const responses = { ...declared, '401': shared('Unauthorized'), '429': declared['429'] ?? shared('RateLimited'), ...(fallback !== undefined && { default: fallback }) };
        return [method, { ...operation, responses }];
      });
      return [path, Object.fromEntries(operations)];
    }),
  );
}
