/** OpenAPI path items of deleting a job and of redaction (RedactPHI). */
import { schemaRef } from './api-schemas.js';
import { parameter, response, shared } from './path-helpers.js';

export function privacyPaths(maxDocumentChars: number) {
  return {
    '/v1/jobs/{id}': {
      delete: {
        operationId: 'deleteJob',
        tags: ['jobs'],
        summary: 'Delete a job: its document, result and review, at once',
        description:
          'Nothing of the job stays in Redis (its hash, its place in the queue, its events). A job a worker is coding at that moment has its document, result and review erased at once too, and is answered the same; the worker discards its result and removes the rest (ids and times) when it finishes. Another tenant\'s job answers 404, like a missing one.',
        parameters: [parameter('JobId')],
        responses: { '204': { description: 'Deleted.' }, '404': shared('NotFound'), '503': shared('QueueUnavailable'), default: shared('Error') },
      },
    },
    '/v1/redact': {
      post: {
        operationId: 'redact',
        tags: ['privacy'],
        summary: 'Redact the HIPAA Safe Harbor identifiers of a text (RedactPHI)',
        description:
          'Names, dates finer than the year, phone and fax numbers, e-mail addresses, SSNs, medical record, account, health plan and licence numbers, street addresses, cities and ZIP codes, URLs, IP addresses, device and vehicle identifiers, and ages over 89 are replaced by typed placeholders (`[NAME]`, `[DATE]`...). Rule-based: check the result before relying on it. Nothing is stored. A job can do the same before its text is stored: `options.redact`.',
        requestBody: {
          required: true,
          description: `A text of at most ${maxDocumentChars} characters (UTF-16 code units).`,
          content: {
            'application/json': { schema: schemaRef('RedactRequest') },
            'text/plain': { schema: { type: 'string', maxLength: maxDocumentChars } },
          },
        },
        responses: {
          '200': response('The redacted text and what was replaced.', schemaRef('RedactionResult')),
          '400': shared('BadRequest'),
          '413': shared('PayloadTooLarge'),
          '415': shared('UnsupportedMediaType'),
          default: shared('Error'),
        },
      },
    },
  };
}

