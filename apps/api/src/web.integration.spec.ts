/** Integration: the API serves the review UI's page shell for each client route, and its assets. */
import type { Terminology } from '@icd/terminology';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestApi, type TestApi } from './testing/test-api.js';

/** The UI routes need no terminology; lookups are never made. */
const noCodes = { lookup: () => null, search: () => [] } as unknown as Pick<Terminology, 'lookup' | 'search'>;
const SHELL = '<!DOCTYPE html><title>review</title><script type="module" src="/assets/index-abc123.js"></script>';

let distDir: string;
let api: TestApi;
let unbuilt: TestApi;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(tmpdir(), 'web-dist-'));
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'index.html'), SHELL);
  await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  [api, unbuilt] = await Promise.all([
    startTestApi({ codes: noCodes, config: { webDistDir: distDir } }),
    startTestApi({ codes: noCodes, config: { webDistDir: path.join(distDir, 'missing') } }),
  ]);
});

afterAll(async () => {
  await Promise.all([api?.close(), unbuilt?.close()]);
  await rm(distDir, { recursive: true, force: true });
});

describe('the review UI', () => {
  it.each(['/', '/review/3f0c1d9e-0000-4000-8000-000000000000', '/codes', '/codes/E11.22', '/codes?q=asthma'])('serves the page shell at %s with a strict policy', async (route) => {
    const response = await fetch(`${api.baseUrl}${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toBe(SHELL);
    const policy = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) expect(policy).toContain(directive);
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves hashed assets for good, and answers other paths as the API does', async () => {
    const asset = await fetch(`${api.baseUrl}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    await asset.text();
    for (const route of ['/assets/missing.js', '/assets/..%2Findex.html', '/review/a/b', '/index.html']) {
      const response = await fetch(`${api.baseUrl}${route}`);
      expect(response.status, route).toBe(404);
      expect((await readJson(response)).error.code, route).toBe('not_found');
    }
  });

  it('says how to build the UI when it has not been built', async () => {
    const response = await fetch(`${unbuilt.baseUrl}/review/abc`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('npm run web:build');
  });
});
