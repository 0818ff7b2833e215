import { buildContractJsonSchemas } from '@icd/contracts';
import { API_SCHEMAS, type SchemaObject } from './api-schemas.js';
import { SHARED_PARAMETERS, SHARED_RESPONSES, buildPaths, type DocumentedLimits } from './paths.js';

/** Version of the HTTP API the document describes (not of the package). */
export const API_VERSION = '1.0.0';

/**
 * The OpenAPI 3.1 document of the API, built from the contracts' JSON Schemas and the routes. The
 * limits it states (document lengths, timeout) are those of the running configuration.
 */
export function buildOpenApiDocument(limits: DocumentedLimits): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'ICD-10-CM coding assistant API',
      version: API_VERSION,
      description:
        'Clinical text in, ICD-10-CM codes with evidence spans out. Documents are coded by workers behind a queue: submit, then poll; or, for short documents, `POST /v1/detect` and wait. Every error answers `{ "error": { "code", "message" } }`.\n\n' +
        'Every `/v1` operation takes an API key, `Authorization: Bearer <key>`; a key belongs to a tenant, which sees only its own jobs (another tenant\'s job answers 404, as a missing one does). Each key has a rate limit, announced in `RateLimit-*` headers. A server started without keys (open local mode, loopback only) takes none.',
    },
    tags: [
      { name: 'jobs', description: 'Coding documents: asynchronous jobs, batches, and synchronous detection.' },
      { name: 'review', description: "A coder's decisions on a job's proposed codes." },
      { name: 'privacy', description: 'Redaction of identifiers (RedactPHI).' },
      { name: 'codes', description: 'The ICD-10-CM code set: lookup and search.' },
      { name: 'operations', description: 'Probes, metrics and this documentation; not authenticated.' },
      { name: 'ui', description: 'The review UI for coders (HTML pages; the scripts call the operations above).' },
    ],
    security: [{ apiKey: [] }],
    paths: buildPaths(limits),
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key made with `npx icd10 apikey create --tenant <tenant>`.' },
      },
      schemas: { ...contractSchemas(), ...API_SCHEMAS },
      responses: SHARED_RESPONSES,
      parameters: SHARED_PARAMETERS,
    },
  };
}

/**
 * The contracts' schemas as components. zod gives each one `$schema` and an `$id` that is a
 * fragment (`#/components/schemas/X`); inside this document both are redundant, and such an `$id`
 * is not allowed in 2020-12, so they are dropped.
 */
function contractSchemas(): Record<string, SchemaObject> {
  const schemas = buildContractJsonSchemas();
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema;
      return [name, rest];
    }),
  );
}
