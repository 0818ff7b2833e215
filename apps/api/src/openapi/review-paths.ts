/** OpenAPI path items of the worklist, the review of a job, and the review UI's pages. */
import { schemaRef } from './api-schemas.js';
import { json, parameter, response, shared, textResponse } from './path-helpers.js';

export function worklistPaths() {
  return {
    '/v1/jobs': {
      get: {
        operationId: 'listJobs',
        tags: ['jobs'],
        summary: 'The most recently submitted jobs, newest first',
        description: 'Every state (queued, active, completed, failed), as long as the jobs are kept. Without the texts.',
        parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } }],
        responses: { '200': response('The jobs.', schemaRef('JobList')), '400': shared('BadRequest'), '503': shared('QueueUnavailable'), default: shared('Error') },
      },
    },
    '/v1/jobs/{id}/document': {
      get: {
        operationId: 'getJobDocument',
        tags: ['jobs'],
        summary: 'The submitted text of a job, which evidence offsets index',
        parameters: [parameter('JobId')],
        responses: { '200': response('The document.', schemaRef('JobDocument')), '404': shared('NotFound'), '503': shared('QueueUnavailable'), default: shared('Error') },
      },
    },
  };
}

export function reviewPaths() {
  return {
    '/v1/jobs/{id}/review': {
      get: {
        operationId: 'getJobReview',
        tags: ['review'],
        summary: "A coder's decisions on the job's proposed codes",
        description: 'An empty `decisions` list when nothing was saved yet. Kept as long as the job.',
        parameters: [parameter('JobId')],
        responses: { '200': response('The review.', schemaRef('ReviewDecisions')), '404': shared('NotFound'), '503': shared('QueueUnavailable'), default: shared('Error') },
      },
      put: {
        operationId: 'saveJobReview',
        tags: ['review'],
        summary: "Save a coder's decisions on the job's proposed codes (replaces the saved ones)",
        description:
          'Each decision names one of the job\'s proposed codes (`code_not_proposed` otherwise); a replacement must be an ICD-10-CM code (`unknown_code`) and gets its title from the terminology. `updatedAt` is set by the API.',
        parameters: [parameter('JobId')],
        requestBody: { required: true, ...json(schemaRef('ReviewDecisions')) },
        responses: {
          '200': response('The review as saved.', schemaRef('ReviewDecisions')),
          '400': shared('BadRequest'),
          '404': shared('NotFound'),
          '409': response('The job has no result yet, or failed (`job_not_completed`).', schemaRef('ErrorResponse')),
          '413': shared('PayloadTooLarge'),
          '415': shared('UnsupportedMediaType'),
          '422': response('A decision names a code the job did not propose, or an unknown replacement.', schemaRef('ErrorResponse')),
          '503': shared('QueueUnavailable'),
          default: shared('Error'),
        },
      },
    },
  };
}

/** The review UI: one HTML page for each client-side route. */
export function uiPaths() {
  const page = (operationId: string, summary: string, parameters: unknown[] = []) => ({
    get: { operationId, tags: ['ui'], summary, security: [], parameters, responses: { '200': textResponse('The review UI (HTML).', 'text/html') } },
  });
  const pathParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
  return {
    '/': page('uiHome', 'Review UI: submit notes, the job list'),
    '/review/{id}': page('uiReview', 'Review UI: one job, its evidence and codes', [pathParameter('id')]),
    '/codes': page('uiCodeSearch', 'Review UI: code search'),
    '/codes/{code}': page('uiCode', 'Review UI: one code of the terminology', [pathParameter('code')]),
  };
}
