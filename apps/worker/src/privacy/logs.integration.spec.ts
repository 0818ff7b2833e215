/**
 * No clinical text in the logs: the API and a worker run as processes at the most verbose level;
 * notes with a marker phrase go in by every route (jobs, text/plain, batch, detect, redact), are
 * read back, reviewed, refused (bad options, bad JSON, too long, wrong type) and deleted; then every
 * line either process wrote on stdout or stderr is searched for the marker and the note's words.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../testing/api-process.js';
import { call, serviceStack, submitAndComplete } from '../testing/service-stack.js';

const RUN = randomBytes(4).toString('hex');
const MARKER = `wombat lullaby ${RUN}`;
const NOTE = [
  `Patient: Jane Roe-${RUN}, MRN ${RUN}77. Seen for ${MARKER}.`,
  'ASSESSMENT: Type 2 diabetes mellitus with diabetic chronic kidney disease. Essential hypertension.',
].join('\n');
/** What must not show: the marker, the externalId, and phrases of the note the result quotes. */
const NEEDLES = [MARKER, RUN, 'wombat', 'lullaby', 'Jane Roe', 'chronic kidney disease', 'essential hypertension'];

const stack = serviceStack({ LOG_LEVEL: 'trace', MAX_DOCUMENT_CHARS: '5000' });

beforeAll(async () => {
  await stack.start();
});

afterAll(async () => {
  await stack.stop();
});

async function exerciseEveryRoute(): Promise<void> {
  const first = { text: NOTE, externalId: `ext-${RUN}`, options: { includeMentions: true } };
  const id = await submitAndComplete(stack, first, { 'Idempotency-Key': `key-${RUN}` });
  await submitAndComplete(stack, { text: NOTE, options: { redact: true } });
  const plain = await fetch(`${stack.api!.baseUrl}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: NOTE });
  expect(plain.status).toBe(202);
  expect((await call(stack, '/v1/jobs:batch', { body: { documents: [{ text: NOTE }, { text: `${MARKER}.` }] } })).status).toBe(202);
  expect((await call(stack, '/v1/detect', { body: { text: NOTE } })).status).toBe(200);
  expect((await readJson(await call(stack, '/v1/redact', { body: { text: NOTE } }))).text).not.toContain('Jane');
  for (const path of ['', '/result', '/document', '/review']) expect((await call(stack, `/v1/jobs/${id}${path}`)).status).toBe(200);
  expect((await call(stack, '/v1/jobs?limit=100')).status).toBe(200);
  const review = { decisions: [{ code: 'E11.22', status: 'replaced', replacement: { code: 'E11.9', title: MARKER } }] };
  expect((await call(stack, `/v1/jobs/${id}/review`, { method: 'PUT', body: review })).status).toBe(200);
  // Refusals: the messages name fields and rules, never what was sent.
  expect((await call(stack, '/v1/jobs', { body: { text: NOTE, options: { minScore: 2, sections: [MARKER] } } })).status).toBe(400);
  expect((await call(stack, '/v1/jobs', { body: first, headers: { 'Idempotency-Key': `key-${RUN}` } })).status).toBe(202);
  expect((await call(stack, '/v1/jobs', { body: { text: `${NOTE} again` }, headers: { 'Idempotency-Key': `key-${RUN}` } })).status).toBe(422);
  expect((await call(stack, `/v1/jobs/${id}/review`, { method: 'PUT', body: { decisions: [{ code: MARKER, status: 'accepted' }] } })).status).toBe(400);
  const badJson = await fetch(`${stack.api!.baseUrl}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"text": "${MARKER}` });
  expect(badJson.status).toBe(400);
  expect((await call(stack, '/v1/jobs', { body: { text: `${NOTE} `.repeat(200) } })).status).toBe(413);
  const xml = await fetch(`${stack.api!.baseUrl}/v1/jobs`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: `<note>${MARKER}</note>` });
  expect(xml.status).toBe(415);
  expect((await call(stack, `/v1/jobs/${id}`, { method: 'DELETE' })).status).toBe(204);
}

describe('the logs of the API and the worker', () => {
  it('never carry the text, its identifiers or the marker, whatever the route or the error', async () => {
    await exerciseEveryRoute();
    await stack.stopProcesses();
    const lines = stack.output();
    // The processes did log the work: submissions, audits, jobs processed, requests.
    const logged = lines.join('\n');
    for (const message of ['"msg":"job submitted"', '"msg":"audit"', '"msg":"job processed"', '"msg":"text redacted"', '"status":400', '"status":413']) {
      expect(logged).toContain(message);
    }
    const found = lines.filter((line) => NEEDLES.some((needle) => line.toLowerCase().includes(needle.toLowerCase())));
    expect(found).toEqual([]);
  });
});
