/**
 * Integration: a catalogue of bad (and odd but valid) requests over real HTTP, authentication on.
 * Each bad one gets a clear 4xx answer in the error shape, with nothing of the request or of the
 * server's internals in it; the valid odd ones are accepted with the text kept exactly (so evidence
 * offsets stay valid). Afterwards the service still serves and no job submitted before is lost.
 */
import { loadTerminology, type Terminology } from '@icd/terminology';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKeysEnv } from './api-keys.js';
import { bearer } from './testing/api-keys.js';
import { rawRequest, rawSocket, type RawRequest, type RawResponse } from './testing/raw-http.js';
import { readJson, startTestApi, type TestApi } from './testing/test-api.js';

const KEY = 'icd10_bad-input-test-key-000000000000000';
const NOTE = 'Assessment: essential hypertension. Type 2 diabetes mellitus.';
const JOB = '3f0c1d9e-0000-4000-8000-000000000000';

let terminology: Terminology;
let api: TestApi;
/** Jobs submitted before the catalogue runs, with their texts: none may be lost or changed. */
const before = new Map<string, string>();

beforeAll(async () => {
  terminology = await loadTerminology();
  api = await startTestApi({
    codes: terminology,
    config: { apiKeys: parseApiKeysEnv(`acme:${KEY}`), maxDocumentChars: 50_000, syncMaxDocumentChars: 1_000, rateLimitPoints: 0 },
  });
  for (const text of [NOTE, 'Asthma. 😀\r\nCOPD.', '<b>HTN</b>']) {
    const { id } = await readJson(await fetch(`${api.baseUrl}/v1/jobs`, { method: 'POST', headers: { ...bearer(KEY), 'content-type': 'application/json' }, body: JSON.stringify({ text }) }));
    before.set(id, text);
  }
});

afterAll(async () => {
  await api?.close();
});

const auth = bearer(KEY);
const json = { ...auth, 'content-type': 'application/json' };
const plain = { ...auth, 'content-type': 'text/plain; charset=utf-8' };
const post = (path: string, body: string | Buffer, headers: Record<string, string> = json): RawRequest => ({ method: 'POST', path, headers, body });
const get = (path: string, headers: Record<string, string> = auth): RawRequest => ({ method: 'GET', path, headers });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const invalidUtf8 = Buffer.concat([Buffer.from('{"text":"Asthma '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]);
const randomBytes = Buffer.from(Array.from({ length: 4_096 }, (_, index) => (index * 7919 + 13) % 256));

/** [name, request, expected status, expected error code (for 4xx)]. */
const BAD: [string, RawRequest, number, string][] = [
  ['an empty JSON body', post('/v1/jobs', ''), 400, 'validation_failed'],
  ['an empty chunked body without a content type', post('/v1/jobs', '', auth), 415, 'unsupported_media_type'],
  ['an empty text/plain body', post('/v1/jobs', '', { ...plain, 'content-length': '0' }), 400, 'validation_failed'],
  ['an empty JSON object', post('/v1/jobs', '{}'), 400, 'validation_failed'],
  ['a whitespace-only text (JSON)', post('/v1/jobs', JSON.stringify({ text: ' \t\r\n\u00a0 ' })), 400, 'validation_failed'],
  ['a whitespace-only text (text/plain)', post('/v1/jobs', '  \n\n\t ', plain), 400, 'validation_failed'],
  ['an empty text', post('/v1/jobs', '{"text":""}'), 400, 'validation_failed'],
  ['a null text', post('/v1/jobs', '{"text":null}'), 400, 'validation_failed'],
  ['a text that is an array', post('/v1/jobs', '{"text":["a"]}'), 400, 'validation_failed'],
  ['a JSON array body', post('/v1/jobs', '[{"text":"asthma"}]'), 400, 'validation_failed'],
  ['a bare JSON string', post('/v1/jobs', '"asthma"'), 400, 'invalid_json'],
  ['truncated JSON', post('/v1/jobs', '{"text":"asth'), 400, 'invalid_json'],
  ['a 10 MB JSON body', post('/v1/jobs', JSON.stringify({ text: 'a'.repeat(10 * 1024 * 1024) })), 413, 'payload_too_large'],
  ['a 10 MB text/plain body', post('/v1/jobs', 'a'.repeat(10 * 1024 * 1024), plain), 413, 'payload_too_large'],
  ['binary bytes as application/octet-stream', post('/v1/jobs', randomBytes, { ...auth, 'content-type': 'application/octet-stream' }), 415, 'unsupported_media_type'],
  ['binary bytes as text/plain', post('/v1/jobs', randomBytes, plain), 400, 'invalid_utf8'],
  ['invalid UTF-8 inside JSON', post('/v1/jobs', invalidUtf8), 400, 'invalid_utf8'],
  ['an escaped NUL in the text', post('/v1/jobs', '{"text":"Asthma\\u0000COPD"}'), 400, 'validation_failed'],
  ['a raw NUL byte in a text/plain body', post('/v1/jobs', Buffer.from('Asthma\u0000COPD'), plain), 400, 'validation_failed'],
  ['a lone UTF-16 surrogate', post('/v1/jobs', '{"text":"Asthma \\ud800 COPD"}'), 400, 'validation_failed'],
  ['JSON nested 100,000 deep', post('/v1/jobs', nested(100_000)), 400, 'validation_failed'],
  ['options nested 5,000 deep', post('/v1/jobs', `{"text":"asthma","options":{"sections":${nested(5_000)}}}`), 400, 'validation_failed'],
  ['application/xml', post('/v1/jobs', '<text>asthma</text>', { ...auth, 'content-type': 'application/xml' }), 415, 'unsupported_media_type'],
  ['a form body', post('/v1/jobs', 'text=asthma', { ...auth, 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type'],
  ['multipart', post('/v1/jobs', '--x\r\n\r\nasthma\r\n--x--', { ...auth, 'content-type': 'multipart/form-data; boundary=x' }), 415, 'unsupported_media_type'],
  ['a malformed content type', post('/v1/jobs', '{"text":"asthma"}', { ...auth, 'content-type': 'json;;;' }), 415, 'unsupported_media_type'],
  ['JSON in latin1', post('/v1/jobs', '{"text":"asthma"}', { ...auth, 'content-type': 'application/json; charset=latin1' }), 415, 'unsupported_charset'],
  ['an unknown content encoding', post('/v1/jobs', '{"text":"asthma"}', { ...json, 'content-encoding': 'compress' }), 415, 'unsupported_encoding'],
  ['gzip that is not gzip', post('/v1/jobs', 'not gzip at all', { ...json, 'content-encoding': 'gzip' }), 400, 'bad_request'],
  ['a gzip bomb (a small body inflating past the limit)', post('/v1/jobs', gzipSync(JSON.stringify({ text: 'a'.repeat(20 * 1024 * 1024) })), { ...json, 'content-encoding': 'gzip' }), 413, 'payload_too_large'],
  ['an unknown option', post('/v1/jobs', '{"text":"asthma","options":{"minscore":1}}'), 400, 'validation_failed'],
  ['an option of the wrong type', post('/v1/jobs', '{"text":"asthma","options":{"minScore":"high"}}'), 400, 'validation_failed'],
  ['an externalId of 300 characters', post('/v1/jobs', JSON.stringify({ text: 'asthma', externalId: 'x'.repeat(300) })), 400, 'validation_failed'],
  ['an Idempotency-Key of 300 characters', post('/v1/jobs', '{"text":"asthma"}', { ...json, 'idempotency-key': 'k'.repeat(300) }), 400, 'validation_failed'],
  ['an Idempotency-Key with non-ASCII bytes', post('/v1/jobs', '{"text":"asthma"}', { ...json, 'idempotency-key': 'caf\u00e9' }), 400, 'validation_failed'],
  ['a document over the detect limit', post('/v1/detect', JSON.stringify({ text: 'a'.repeat(1_001) })), 413, 'document_too_long'],
  ['a batch without documents', post('/v1/jobs:batch', '{"documents":[]}'), 400, 'validation_failed'],
  ['a batch of 101 documents', post('/v1/jobs:batch', JSON.stringify({ documents: Array.from({ length: 101 }, () => ({ text: 'a' })) })), 400, 'validation_failed'],
  ['a batch whose documents are not a list', post('/v1/jobs:batch', '{"documents":{"text":"a"}}'), 400, 'validation_failed'],
  ['a batch with a whitespace-only document', post('/v1/jobs:batch', '{"documents":[{"text":"asthma"},{"text":"   "}]}'), 400, 'validation_failed'],
  ['a batch as text/plain', post('/v1/jobs:batch', 'asthma', plain), 415, 'unsupported_media_type'],
  ['a review as text/plain', { method: 'PUT', path: `/v1/jobs/${JOB}/review`, headers: plain, body: 'accepted' }, 415, 'unsupported_media_type'],
  ['a review with an unknown status', { method: 'PUT', path: `/v1/jobs/${JOB}/review`, headers: json, body: '{"decisions":[{"code":"I10","status":"maybe"}]}' }, 400, 'validation_failed'],
  ['a review of a job that does not exist', { method: 'PUT', path: `/v1/jobs/${JOB}/review`, headers: json, body: '{"decisions":[]}' }, 404, 'job_not_found'],
  ['a job id with a colon', get('/v1/jobs/no:such:job'), 404, 'job_not_found'],
  ['a job id of 300 characters', get(`/v1/jobs/${'a'.repeat(300)}`), 404, 'job_not_found'],
  ['an encoded NUL as the job id', get('/v1/jobs/%00'), 404, 'job_not_found'],
  ['an encoded path traversal as the job id', get('/v1/jobs/..%2F..%2Fetc%2Fpasswd/document'), 404, 'job_not_found'],
  ['a broken percent escape in the job id', get('/v1/jobs/%E0%A4%A/result'), 400, 'bad_request'],
  ['a worklist limit of 0', get('/v1/jobs?limit=0'), 400, 'validation_failed'],
  ['a worklist limit that is not a number', get('/v1/jobs?limit=ten'), 400, 'validation_failed'],
  ['a worklist limit given twice', get('/v1/jobs?limit=1&limit=2'), 400, 'validation_failed'],
  ['an unknown worklist parameter', get('/v1/jobs?page=2'), 400, 'validation_failed'],
  ['a code search without a query', get('/v1/codes?q='), 400, 'validation_failed'],
  ['a code search of 300 characters', get(`/v1/codes?q=${'a'.repeat(300)}`), 400, 'validation_failed'],
  ['a code search with a nested query', get('/v1/codes?q[a]=b'), 400, 'validation_failed'],
  ['a code of 100 characters', get(`/v1/codes/${'E'.repeat(100)}`), 404, 'code_not_found'],
  ['PATCH on a job', { method: 'PATCH', path: `/v1/jobs/${JOB}`, headers: json, body: '{}' }, 404, 'not_found'],
  ['PUT on the job list', { method: 'PUT', path: '/v1/jobs', headers: json, body: '{"text":"asthma"}' }, 404, 'not_found'],
  ['POST on a code', post('/v1/codes/I10', '{}'), 404, 'not_found'],
  ['GET on the batch route', get('/v1/jobs:batch'), 404, 'not_found'],
  ['TRACE', { method: 'TRACE', path: '/v1/jobs', headers: auth }, 404, 'not_found'],
  ['a Basic Authorization header', get('/v1/jobs', { authorization: 'Basic YWNtZTprZXk=' }), 401, 'invalid_api_key'],
  ['an Authorization header with bytes outside ASCII', get('/v1/jobs', { authorization: `Bearer ${KEY}\u00e9` }), 401, 'invalid_api_key'],
  ['an empty Authorization header', get('/v1/jobs', { authorization: '' }), 401, 'missing_api_key'],
  ['an Authorization header with the key only', get('/v1/jobs', { authorization: KEY }), 401, 'invalid_api_key'],
  ['a 20 KB header', get('/v1/jobs', { ...auth, 'x-padding': 'p'.repeat(20 * 1024) }), 431, 'headers_too_large'],
];

/** Valid, if unusual: accepted as documented, the text kept exactly as sent. */
const ODD_BUT_VALID: [string, RawRequest, string][] = [
  ['emoji and other characters outside the BMP', post('/v1/jobs', JSON.stringify({ text: 'Pain 😀 in 𝔄 knee 🦴. Asthma.' })), 'Pain 😀 in 𝔄 knee 🦴. Asthma.'],
  ['CRLF line ends', post('/v1/jobs', 'HPI:\r\nAsthma.\r\n\r\nPlan: inhaler.\r\n', plain), 'HPI:\r\nAsthma.\r\n\r\nPlan: inhaler.\r\n'],
  ['HTML and script in the text', post('/v1/jobs', JSON.stringify({ text: '<script>alert(1)</script><img src=x onerror=alert(2)> Asthma.' })), '<script>alert(1)</script><img src=x onerror=alert(2)> Asthma.'],
  ['a text/plain body in UTF-16LE', post('/v1/jobs', Buffer.from('Asthma, COPD. café', 'utf16le'), { ...auth, 'content-type': 'text/plain; charset=utf-16le' }), 'Asthma, COPD. café'],
  ['a gzip-compressed body', post('/v1/jobs', gzipSync(JSON.stringify({ text: 'Asthma.' })), { ...json, 'content-encoding': 'gzip' }), 'Asthma.'],
  ['a repeated key in the JSON (the last one wins, as JSON.parse does)', post('/v1/jobs', '{"text":"first","text":"Asthma."}'), 'Asthma.'],
  ['control characters other than NUL', post('/v1/jobs', JSON.stringify({ text: 'Asthma.\u0007\u000b\u001b[31m COPD.' })), 'Asthma.\u0007\u000b\u001b[31m COPD.'],
  ['a 50,000-character text (the configured limit)', post('/v1/jobs', JSON.stringify({ text: `Asthma. ${'x'.repeat(49_992)}` })), `Asthma. ${'x'.repeat(49_992)}`],
];

function expectCleanError(response: RawResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  // Nothing of the server's insides: no stack frames, file paths or library names.
  expect(response.body).not.toMatch(/\s+at\s+\S+\s+\(|node_modules|\.ts:\d+|\.js:\d+|Error:/);
  // Nothing of the request echoed back.
  expect(response.body).not.toMatch(/asthma|script|padding|pppp|icd10_/i);
}

describe('bad input', () => {
  it('has a catalogue of at least 40 bad requests', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD)('answers %s with a clean 4xx', async (_name, request, status, code) => {
    expectCleanError(await rawRequest(api.baseUrl, request), status, code);
  });

  it('answers a request line that is not HTTP with a JSON 400, and a mismatched Content-Length too', async () => {
    for (const bytes of ['GET /v1/jobs\u0001 HTTP/1.1\r\nHost: x\r\n\r\n', 'HELLO\r\n\r\n', 'POST /v1/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef']) {
      const answer = await rawSocket(api.baseUrl, bytes);
      expect(answer, JSON.stringify(bytes)).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      expect(JSON.parse(body).error.code).toBe('bad_request');
    }
  });
});

describe('odd but valid input', () => {
  it.each(ODD_BUT_VALID)('accepts %s and keeps the text exactly', async (_name, request, text) => {
    const response = await rawRequest(api.baseUrl, request);
    expect(response.status, response.body).toBe(202);
    const { id } = JSON.parse(response.body) as { id: string };
    const document = await readJson(await fetch(`${api.baseUrl}/v1/jobs/${id}/document`, { headers: auth }));
    expect(document.text).toBe(text);
    expect(document.text.length).toBe(text.length);
  });

  it('ignores an X-Request-Id that is not a plain token, and answers with one of its own', async () => {
    const response = await rawRequest(api.baseUrl, get('/v1/jobs', { ...auth, 'x-request-id': '<script>\u00e9 id' }));
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('afterwards', () => {
  it('still serves, and every job submitted before is there with its text', async () => {
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
    for (const [id, text] of before) {
      const response = await fetch(`${api.baseUrl}/v1/jobs/${id}/document`, { headers: auth });
      expect(response.status).toBe(200);
      expect((await readJson(response)).text).toBe(text);
    }
    const listed = (await readJson(await fetch(`${api.baseUrl}/v1/jobs?limit=100`, { headers: auth }))).jobs.map((job: { id: string }) => job.id);
    expect(listed).toEqual(expect.arrayContaining([...before.keys()]));
    const fresh = await fetch(`${api.baseUrl}/v1/jobs`, { method: 'POST', headers: json, body: JSON.stringify({ text: NOTE }) });
    expect(fresh.status).toBe(202);
  });
});
