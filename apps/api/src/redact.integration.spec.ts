/**
 * Integration: `POST /v1/redact` (RedactPHI) and the `redact` job option over real HTTP and a real
 * Redis: the answer's shape and offsets, the errors, what is stored for a redacting job, and logs
 * that name counts and the audit action, never the text.
 */
import { loadTerminology, type Terminology } from '@icd/terminology';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, readJson, startTestApi, type TestApi } from './testing/test-api.js';

const NOTE = 'Patient: Jane Roe, DOB 03/15/1961, MRN 4455667. Call (217) 555-0134. Type 2 diabetes.';
const IDENTIFIERS = ['Jane Roe', '03/15', '4455667', '555-0134'];

let terminology: Terminology;
let api: TestApi;
const logLines: string[] = [];

beforeAll(async () => {
  terminology = await loadTerminology();
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => done(void logLines.push(...chunk.toString().split('\n').filter(Boolean))) });
  api = await startTestApi({ codes: terminology, config: { maxDocumentChars: 500 }, logger: pino({ level: 'trace' }, sink) });
});

afterAll(async () => {
  await api?.close();
});

describe('POST /v1/redact', () => {
  it('answers the redacted text and each replaced identifier with its offsets in both texts', async () => {
    const response = await postJson(`${api.baseUrl}/v1/redact`, { text: NOTE });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { text, spans } = await readJson(response);
    expect(text).toBe('Patient: [NAME], DOB [DATE]/1961, MRN [MRN]. Call [PHONE]. Type 2 diabetes.');
    expect(spans.map((span: { type: string }) => span.type)).toEqual(['NAME', 'DATE', 'MRN', 'PHONE']);
    for (const span of spans) {
      expect(IDENTIFIERS.some((identifier) => NOTE.slice(span.begin, span.end).includes(identifier))).toBe(true);
      expect(text.slice(span.redactedBegin, span.redactedEnd)).toBe(`[${span.type}]`);
    }
  });

  it('takes the bare text as text/plain', async () => {
    const response = await fetch(`${api.baseUrl}/v1/redact`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: NOTE });
    expect(response.status).toBe(200);
    expect((await readJson(response)).text).toContain('[NAME]');
  });

  it('validates like POST /v1/jobs: 400 naming the field, 413, 415', async () => {
    const cases: [Promise<Response>, number, string | undefined][] = [
      [postJson(`${api.baseUrl}/v1/redact`, { txt: NOTE }), 400, 'text'],
      [postJson(`${api.baseUrl}/v1/redact`, { text: NOTE, options: {} }), 400, 'options'],
      [postJson(`${api.baseUrl}/v1/redact`, { text: '   ' }), 400, 'text'],
      [postJson(`${api.baseUrl}/v1/redact`, { text: 'a'.repeat(501) }), 413, 'text'],
      [fetch(`${api.baseUrl}/v1/redact`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' }), 415, undefined],
    ];
    for (const [pending, status, field] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      const { error } = await readJson(response);
      if (field) expect(error.field).toBe(field);
    }
  });
});

describe('the redact job option', () => {
  it('stores the redacted text, so that the document read back is the redacted one', async () => {
    const { id } = await readJson(await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE, options: { redact: true } }));
    const document = await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}/document`));
    expect(document.text).toBe('Patient: [NAME], DOB [DATE]/1961, MRN [MRN]. Call [PHONE]. Type 2 diabetes.');
    const plain = await readJson(await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE }));
    expect((await readJson(await fetch(`${api.baseUrl}/v1/jobs/${plain.id}/document`))).text).toBe(NOTE);
  });

  it('is an option like the others: a boolean', async () => {
    const response = await postJson(`${api.baseUrl}/v1/jobs`, { text: NOTE, options: { redact: 'yes' } });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error.field).toBe('options.redact');
  });
});

describe('logs', () => {
  it('carry the redact audit line and counts, never the text', () => {
    const entries = logLines.map((line) => JSON.parse(line) as { msg?: string; audit?: { action: string } });
    expect(entries.some((entry) => entry.audit?.action === 'redact')).toBe(true);
    expect(entries.some((entry) => entry.msg === 'text redacted')).toBe(true);
    for (const identifier of [...IDENTIFIERS, 'diabetes']) expect(logLines.join('\n')).not.toContain(identifier);
  });
});
