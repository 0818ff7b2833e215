import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSourceFiles } from '../source-files.js';
import { isUnsafeEntryName } from './extract-release.js';
import { ReleaseFetchError, type FetchProgress } from './fetch-events.js';
import { fetchRelease } from './fetch-release.js';
import type { ReleaseManifest } from './release-manifest.js';
import { buildZip, orderLine, refusedUrl, startReleaseServer, type ReleaseTestServer } from './release-test-server.js';

const ORDER_2026 = [orderLine(1, 'E11', 0, 'Type 2 diabetes mellitus'), orderLine(2, 'E119', 1, 'Type 2 diabetes mellitus without complications')].join(
  '\r\n',
);
const ADDENDA_2026 = 'Add:    E11A    Type 2 diabetes mellitus without complications in remission';

const CODE_DESCRIPTIONS = buildZip({
  'icd10cm-Code Descriptions-2026/icd10cm-order-2026.txt': ORDER_2026,
  'icd10cm-Code Descriptions-2026/icd10cm-order-addenda-2026.txt': ADDENDA_2026,
  'icd10cm-Code Descriptions-2026/icd10OrderFiles.pdf': '%PDF-1.4 not a real pdf',
  '../evil.txt': 'written outside the folder',
  '../icd10cm-order-2099.txt': 'a recognised name on an escaping path',
});

const ZIP_NAME = 'icd10cm-Code Descriptions-2026.zip';
const ZIP_PATH = `/ICD10CM/2026/${ZIP_NAME}`;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function manifestFor(server: ReleaseTestServer, sha: string | null, yields: ReleaseManifest['files'][number]['yields'] = ['order', 'addenda']): ReleaseManifest {
  return { release: 'FY2026', fiscalYear: 2026, files: [{ name: ZIP_NAME, url: server.url(ZIP_PATH), sha256: sha, yields }] };
}

async function failureOf(promise: Promise<unknown>): Promise<ReleaseFetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReleaseFetchError);
  return error as ReleaseFetchError;
}

describe('fetching a release', () => {
  let root: string;
  let target: string;
  let server: ReleaseTestServer | undefined;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'icd10-fetch-'));
    target = path.join(root, 'icd10cm');
  });

  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  /** Everything a run may have left beside the data folder: only the data folder itself should be there. */
  const leftovers = () => readdirSync(root).filter((name) => name !== 'icd10cm');

  it('downloads, verifies and installs only the files the loader reads', async () => {
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS } });
    const events: FetchProgress[] = [];
    const result = await fetchRelease(manifestFor(server, sha256(CODE_DESCRIPTIONS)), target, { onProgress: (event) => events.push(event) });

    expect(readdirSync(target).sort()).toEqual(['icd10cm-order-2026.txt', 'icd10cm-order-addenda-2026.txt']);
    expect(readFileSync(path.join(target, 'icd10cm-order-2026.txt'), 'utf8')).toBe(ORDER_2026);
    expect(findSourceFiles(target).order).toEqual({ kind: 'order', path: path.join(target, 'icd10cm-order-2026.txt'), year: 2026 });
    expect(findSourceFiles(target).addenda?.year).toBe(2026);
    expect(existsSync(path.join(root, 'evil.txt'))).toBe(false);
    expect(leftovers()).toEqual([]);

    expect(result.downloads).toEqual([
      { name: ZIP_NAME, url: server.url(ZIP_PATH), bytes: CODE_DESCRIPTIONS.byteLength, sha256: sha256(CODE_DESCRIPTIONS), pinned: true },
    ]);
    expect(result.installed.map((file) => [file.kind, path.basename(file.path), file.sha256])).toEqual([
      ['order', 'icd10cm-order-2026.txt', sha256(Buffer.from(ORDER_2026))],
      ['addenda', 'icd10cm-order-addenda-2026.txt', sha256(Buffer.from(ADDENDA_2026))],
    ]);
    expect(result.missingKinds).toEqual([]);

    const skipped = events.flatMap((event) => (event.phase === 'skip' ? [[event.entry, event.reason]] : []));
    expect(skipped).toEqual([
      ['icd10cm-Code Descriptions-2026/icd10OrderFiles.pdf', 'not-recognised'],
      ['../evil.txt', 'unsafe-path'],
      ['../icd10cm-order-2099.txt', 'unsafe-path'],
    ]);
    const lastDownload = events.filter((event) => event.phase === 'download').at(-1);
    expect(lastDownload).toMatchObject({ downloadedBytes: CODE_DESCRIPTIONS.byteLength, totalBytes: CODE_DESCRIPTIONS.byteLength });
  });

  it('replaces an older copy of a file and keeps the other files of the folder', async () => {
    mkdirSync(target);
    writeFileSync(path.join(target, 'icd10cm-order-2026.txt'), 'stale');
    writeFileSync(path.join(target, 'icd10cm_index_2017.xml'), '<ICD10CM.index/>');
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS } });
    await fetchRelease(manifestFor(server, sha256(CODE_DESCRIPTIONS)), target);

    expect(readFileSync(path.join(target, 'icd10cm-order-2026.txt'), 'utf8')).toBe(ORDER_2026);
    expect(readFileSync(path.join(target, 'icd10cm_index_2017.xml'), 'utf8')).toBe('<ICD10CM.index/>');
  });

  it('reports kinds a zip was declared to yield but did not hold', async () => {
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS } });
    const result = await fetchRelease(manifestFor(server, sha256(CODE_DESCRIPTIONS), ['order', 'tabular']), target);
    expect(result.missingKinds).toEqual([{ zip: ZIP_NAME, kind: 'tabular' }]);
  });

  it('refuses a download whose hash differs from the pinned one and leaves the folder untouched', async () => {
    mkdirSync(target);
    writeFileSync(path.join(target, 'icd10cm-order-2026.txt'), 'the copy in use');
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS } });
    const pinned = 'ab'.repeat(32);

    const error = await failureOf(fetchRelease(manifestFor(server, pinned), target));
    expect(error.failure).toBe('hash-mismatch');
    expect(error.message).toContain(ZIP_NAME);
    expect(error.message).toContain(`expected ${pinned}`);
    expect(error.message).toContain(`got ${sha256(CODE_DESCRIPTIONS)}`);
    expect(readdirSync(target)).toEqual(['icd10cm-order-2026.txt']);
    expect(readFileSync(path.join(target, 'icd10cm-order-2026.txt'), 'utf8')).toBe('the copy in use');
    expect(leftovers()).toEqual([]);
  });

  it('refuses an unpinned download, naming the hash to pin', async () => {
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS } });
    const error = await failureOf(fetchRelease(manifestFor(server, null), target));
    expect(error.failure).toBe('unpinned');
    expect(error.message).toContain(`${ZIP_NAME}: ${sha256(CODE_DESCRIPTIONS)}`);
    expect(error.message).toContain('--allow-unpinned');
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('accepts an unpinned download when allowed, reporting its hash', async () => {
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS } });
    const events: FetchProgress[] = [];
    const result = await fetchRelease(manifestFor(server, null), target, { allowUnpinned: true, onProgress: (event) => events.push(event) });
    expect(result.downloads[0]).toMatchObject({ pinned: false, sha256: sha256(CODE_DESCRIPTIONS) });
    expect(events).toContainEqual({ phase: 'unpinned', file: ZIP_NAME, sha256: sha256(CODE_DESCRIPTIONS) });
    expect(findSourceFiles(target).order).toBeDefined();
  });

  it.each([
    [404, /HTTP 404 Not Found.*renamed or moved/],
    [500, /HTTP 500 Internal Server Error/],
  ])('reports HTTP %i with the file and URL', async (status, expected) => {
    server = await startReleaseServer({ [ZIP_PATH]: { status, body: Buffer.from('error page') } });
    const error = await failureOf(fetchRelease(manifestFor(server, null), target));
    expect(error.failure).toBe('http');
    expect(error.message).toMatch(expected);
    expect(error.message).toContain(ZIP_NAME);
    expect(error.message).toContain(server.url(ZIP_PATH));
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('reports a refused connection', async () => {
    const url = await refusedUrl(ZIP_PATH);
    const manifest: ReleaseManifest = { release: 'FY2026', fiscalYear: 2026, files: [{ name: ZIP_NAME, url, sha256: null, yields: ['order'] }] };
    const error = await failureOf(fetchRelease(manifest, target));
    expect(error.failure).toBe('network');
    expect(error.message).toMatch(/connection refused \(ECONNREFUSED\)/);
    expect(leftovers()).toEqual([]);
  });

  it('gives up on a download that stalls longer than the timeout', async () => {
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS, stallAfterBytes: 100 } });
    const started = performance.now();
    const error = await failureOf(fetchRelease(manifestFor(server, null), target, { timeoutMs: 300 }));
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(/no data for 300 ms/);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(leftovers()).toEqual([]);
  });

  it('stops when the caller aborts', async () => {
    server = await startReleaseServer({ [ZIP_PATH]: { body: CODE_DESCRIPTIONS, stallAfterBytes: 100 } });
    const controller = new AbortController();
    const run = fetchRelease(manifestFor(server, null), target, {
      signal: controller.signal,
      onProgress: (event) => event.phase === 'download' && controller.abort(),
    });
    const error = await failureOf(run);
    expect(error.failure).toBe('aborted');
    expect(leftovers()).toEqual([]);
  });

  it('fails when the release holds no order file, installing nothing', async () => {
    const onlyPdf = buildZip({ 'icd10cm-Table and Index-2026/icd10cm-index-2026.pdf': '%PDF' });
    server = await startReleaseServer({ [ZIP_PATH]: { body: onlyPdf } });
    const error = await failureOf(fetchRelease(manifestFor(server, sha256(onlyPdf)), target));
    expect(error.failure).toBe('no-order-file');
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('fails on a download that is not a zip', async () => {
    const notAZip = Buffer.from('<html>maintenance</html>');
    server = await startReleaseServer({ [ZIP_PATH]: { body: notAZip } });
    const error = await failureOf(fetchRelease(manifestFor(server, sha256(notAZip)), target));
    expect(error.failure).toBe('bad-zip');
    expect(error.message).toContain(ZIP_NAME);
    expect(leftovers()).toEqual([]);
  });
});

describe('zip entry names', () => {
  it.each(['../evil.txt', 'a/../../b.txt', '/etc/passwd', '\\\\server\\share.txt', 'C:\\evil.txt', 'a\\..\\b.txt'])('refuses %s', (name) => {
    expect(isUnsafeEntryName(name)).toBe(true);
  });

  it.each(['icd10cm-order-2026.txt', 'icd10cm-Table and Index-2026/icd10cm-tabular-2026.xml', 'a..b.txt'])('accepts %s', (name) => {
    expect(isUnsafeEntryName(name)).toBe(false);
  });
});
