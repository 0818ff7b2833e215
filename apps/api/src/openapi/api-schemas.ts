/**
 * JSON Schemas (2020-12) of the API's own shapes: envelopes, job views, code records, errors. The
 * documents and results inside them are the contracts', referenced by name.
 */
import { PHI_TYPES } from '@icd/phi';
import { MAX_BATCH_DOCUMENTS } from '../batch.js';

export type SchemaObject = Record<string, unknown>;

export const schemaRef = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

const string: SchemaObject = { type: 'string' };
const strings: SchemaObject = { type: 'array', items: string };
const dateTime: SchemaObject = { type: 'string', format: 'date-time' };

const closedObject = (properties: Record<string, SchemaObject>, required: string[] = Object.keys(properties)): SchemaObject => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const ErrorBody = closedObject(
  {
    code: { type: 'string', description: 'Stable, machine-readable reason, e.g. `validation_failed`, `queue_full`.' },
    message: { type: 'string', description: 'For people; never quotes the submitted text.' },
    field: { type: 'string', description: 'What to fix: a body field path (`documents.3.text`) or a header name.' },
    issues: { type: 'array', items: closedObject({ field: string, message: string }) },
  },
  ['code', 'message'],
);

const JobStatus: SchemaObject = {
  type: 'string',
  enum: ['queued', 'active', 'completed', 'failed'],
  description: '`queued` covers waiting and retry backoff.',
};

const JobReceipt = closedObject({ id: string, status: schemaRef('JobStatus'), statusUrl: string, resultUrl: string });

const JobView = closedObject(
  {
    id: string,
    status: schemaRef('JobStatus'),
    progress: { type: 'number', minimum: 0, maximum: 100 },
    createdAt: dateTime,
    finishedAt: { anyOf: [dateTime, { type: 'null' }] },
    externalId: string,
    result: schemaRef('DetectionResult'),
    error: schemaRef('ErrorBody'),
  },
  ['id', 'status', 'progress', 'createdAt', 'finishedAt'],
);

const JobListEntry = closedObject(
  {
    id: string,
    status: schemaRef('JobStatus'),
    createdAt: dateTime,
    finishedAt: { anyOf: [dateTime, { type: 'null' }] },
    externalId: string,
    codeCount: { type: 'integer', minimum: 0, description: 'Codes proposed; completed jobs only.' },
    review: {
      description: 'The saved review, null when none.',
      anyOf: [closedObject({ decisions: { type: 'integer', minimum: 0 }, updatedAt: { anyOf: [dateTime, { type: 'null' }] } }), { type: 'null' }],
    },
  },
  ['id', 'status', 'createdAt', 'finishedAt', 'review'],
);

const JobList = closedObject({ jobs: { type: 'array', items: schemaRef('JobListEntry') } });

const JobDocument = closedObject(
  { id: string, externalId: string, text: { type: 'string', description: 'Exactly as submitted, or as redacted when the request set `options.redact` (PHI).' } },
  ['id', 'text'],
);

const BatchRequest = closedObject({
  documents: { type: 'array', items: schemaRef('DetectionRequest'), minItems: 1, maxItems: MAX_BATCH_DOCUMENTS },
});

const BatchReceipt = closedObject({
  jobs: {
    type: 'array',
    description: 'One entry per document, in the order of the documents.',
    items: closedObject({ id: string, status: schemaRef('JobStatus'), statusUrl: string, externalId: string }, ['id', 'status', 'statusUrl']),
  },
});

const offset = { type: 'integer', minimum: 0 };

const RedactRequest = closedObject({ text: { type: 'string', description: 'The text to redact (PHI).' } });

const RedactionResult = closedObject({
  text: { type: 'string', description: 'The text with each identifier replaced by its placeholder, e.g. `[NAME]`; all else unchanged.' },
  spans: {
    type: 'array',
    description: 'The identifiers replaced, in text order. Offsets are UTF-16 code units, `end` exclusive.',
    items: closedObject({
      type: { enum: [...PHI_TYPES], description: 'The HIPAA Safe Harbor identifier kind; the placeholder is `[<type>]`.' },
      begin: { ...offset, description: 'Where the identifier began in the text sent.' },
      end: offset,
      redactedBegin: { ...offset, description: 'Where its placeholder begins in the text returned.' },
      redactedEnd: offset,
    }),
  },
});

const CodeSummary = closedObject({ code: string, title: string, billable: { type: 'boolean' } });

const SeventhCharacter = closedObject({ char: string, description: string, inclusionTerms: strings }, ['char', 'description']);

const TABULAR_NOTE_KINDS = ['inclusionTerms', 'includes', 'excludes1', 'excludes2', 'codeFirst', 'useAdditionalCode', 'codeAlso', 'notes', 'sevenChrNote'];

const TabularNotes = closedObject(
  { ...Object.fromEntries(TABULAR_NOTE_KINDS.map((kind) => [kind, strings])), sevenChrDef: { type: 'array', items: schemaRef('SeventhCharacter') } },
  [],
);

const CodeRecord = closedObject({
  code: string,
  title: string,
  billable: { type: 'boolean' },
  shortTitle: string,
  longTitle: string,
  parent: { anyOf: [schemaRef('CodeSummary'), { type: 'null' }] },
  children: { type: 'array', items: schemaRef('CodeSummary') },
  chapter: { anyOf: [closedObject({ number: string, title: string }), { type: 'null' }] },
  section: { anyOf: [closedObject({ id: string, title: string }), { type: 'null' }] },
  notes: schemaRef('TabularNotes'),
  inheritedNotes: { type: 'array', items: closedObject({ from: string, notes: schemaRef('TabularNotes') }) },
  seventhCharacters: { type: 'array', items: schemaRef('SeventhCharacter') },
  addedAfterTabular: { type: 'boolean' },
  indexEntries: {
    type: 'array',
    items: closedObject({
      source: { enum: ['index', 'eindex'] },
      termId: { type: 'integer' },
      path: { type: 'array', items: closedObject({ title: string, nemod: string }) },
      writtenCode: string,
    }),
  },
  tableCells: {
    type: 'array',
    items: closedObject({ table: { enum: ['neoplasm', 'drug'] }, path: strings, column: string, writtenCode: string }),
  },
});

const CodeSearchResults = closedObject({
  query: string,
  results: {
    type: 'array',
    items: closedObject({
      code: string,
      title: string,
      billable: { type: 'boolean' },
      score: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      matched: closedObject({ source: { enum: ['title', 'inclusion', 'index'] }, text: string }),
    }),
  },
});

/** `schemaRef(name)` resolves to these (besides the contracts). */
export const API_SCHEMAS: Record<string, SchemaObject> = {
  ErrorBody,
  ErrorResponse: closedObject({ error: schemaRef('ErrorBody') }),
  JobErrorResponse: closedObject({ error: schemaRef('ErrorBody'), job: schemaRef('JobReceipt') }),
  JobStatus,
  JobReceipt,
  JobView,
  JobListEntry,
  JobList,
  JobDocument,
  BatchRequest,
  BatchReceipt,
  RedactRequest,
  RedactionResult,
  CodeSummary,
  SeventhCharacter,
  TabularNotes,
  CodeRecord,
  CodeSearchResults,
  Health: closedObject({ status: { const: 'ok' } }),
  Readiness: closedObject({ status: { const: 'ready' }, checks: closedObject({ redis: { const: 'ok' }, workers: { type: 'integer', minimum: 1 } }) }),
  NotReady: closedObject({
    error: schemaRef('ErrorBody'),
    checks: closedObject({ redis: { enum: ['ok', 'unreachable'] }, workers: { type: ['integer', 'null'], minimum: 0 } }),
  }),
};
