import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReleaseFetchError } from './fetch-events.js';
import { defaultManifestPath, parseReleaseManifest, readReleaseManifest, resolveManifestPath } from './release-manifest.js';

const VALID = {
  release: 'FY2026',
  fiscalYear: 2026,
  files: [
    {
      name: 'icd10cm-Code Descriptions-2026.zip',
      url: 'https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/2026/icd10cm-Code%20Descriptions-2026.zip',
      sha256: 'AB'.repeat(32),
      yields: ['order', 'addenda'],
    },
  ],
};

function withFile(changes: Record<string, unknown>) {
  return { ...VALID, files: [{ ...VALID.files[0], ...changes }] };
}

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseFetchError);
    expect((error as ReleaseFetchError).failure).toBe('manifest');
    return (error as Error).message;
  }
  throw new Error('expected the manifest to be refused');
}

describe('the release manifest', () => {
  it('accepts a valid manifest and lower-cases pinned hashes', () => {
    expect(parseReleaseManifest(VALID).files[0].sha256).toBe('ab'.repeat(32));
  });

  it('accepts an unpinned hash as null', () => {
    expect(parseReleaseManifest(withFile({ sha256: null })).files[0].sha256).toBeNull();
  });

  it.each([
    [{ sha256: 'abc' }, 'files.0.sha256: expected 64 hexadecimal digits or null'],
    [{ sha256: undefined }, 'files.0.sha256'],
    [{ url: 'ftp://ftp.cdc.gov/x.zip' }, 'files.0.url: expected an http(s) URL'],
    [{ yields: ['order', 'pdf'] }, 'files.0.yields.1'],
    [{ yields: [] }, 'files.0.yields'],
    [{ name: '' }, 'files.0.name'],
    [{ sha: 'typo' }, 'files.0'],
  ])('names the field at fault: %j', (change, expected) => {
    expect(messageOf(() => parseReleaseManifest(withFile(change), 'sources.json'))).toContain(expected);
  });

  it('names top-level fields too', () => {
    expect(messageOf(() => parseReleaseManifest({ ...VALID, fiscalYear: '2026' }))).toContain('fiscalYear');
    expect(messageOf(() => parseReleaseManifest({ ...VALID, files: [] }))).toContain('files');
  });

  it('validates the manifest shipped in libs/terminology/sources.json', async () => {
    const manifest = await readReleaseManifest(defaultManifestPath());
    expect(manifest.fiscalYear).toBe(2026);
    expect(manifest.files.map((file) => file.name)).toContain('icd10cm-Code Descriptions-2026.zip');
    expect(manifest.files.flatMap((file) => file.yields)).toContain('order');
    for (const file of manifest.files) expect(file.url).toBe(`https://ftp.cdc.gov/pub/Health_Statistics/NCHS/Publications/ICD10CM/2026/${encodeURIComponent(file.name)}`);
  });

  describe('from a file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'icd10-manifest-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('names the file when it is not JSON', async () => {
      const file = path.join(dir, 'sources.json');
      writeFileSync(file, '{ "release": ');
      await expect(readReleaseManifest(file)).rejects.toThrow(`${file}: not valid JSON`);
    });

    it('names the file and the field when it is invalid', async () => {
      const file = path.join(dir, 'sources.json');
      writeFileSync(file, JSON.stringify(withFile({ sha256: 'not-a-hash' })));
      await expect(readReleaseManifest(file)).rejects.toThrow(`${file}: invalid release manifest: files.0.sha256`);
    });

    it('says when the file cannot be read', async () => {
      await expect(readReleaseManifest(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot read release manifest .*missing\.json/);
    });
  });

  it('takes the path from an option, then ICD10CM_RELEASE_MANIFEST, then the shipped file', () => {
    expect(resolveManifestPath('a.json', { ICD10CM_RELEASE_MANIFEST: 'b.json' })).toBe(path.resolve('a.json'));
    expect(resolveManifestPath(undefined, { ICD10CM_RELEASE_MANIFEST: 'b.json' })).toBe(path.resolve('b.json'));
    expect(resolveManifestPath(undefined, {})).toBe(defaultManifestPath());
    expect(defaultManifestPath()).toMatch(/libs[/\\]terminology[/\\]sources\.json$/);
  });
});
