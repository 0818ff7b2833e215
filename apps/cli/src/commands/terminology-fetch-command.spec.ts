import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findSourceFiles, ReleaseFetchError, type ReleaseManifest } from '@icd/terminology';
import { buildZip, orderLine, startReleaseServer, type ReleaseTestServer } from '@icd/terminology/testing';
import { createFetchProgressPrinter } from './fetch-progress.js';
import { registerTerminologyFetchCommand } from './terminology-fetch-command.js';

const ZIP = buildZip({
  'icd10cm-order-2026.txt': orderLine(1, 'R51', 0, 'Headache'),
  'icd10OrderFiles.pdf': '%PDF',
  '../evil.txt': 'escape',
});
const ZIP_SHA = createHash('sha256').update(ZIP).digest('hex');
const ZIP_NAME = 'icd10cm-Code Descriptions-2026.zip';

/** The `icd10` program reduced to what `terminology fetch` needs, so that the test does not depend on the other commands. */
function testProgram(): Command {
  const program = new Command('icd10').option('--data-dir <dir>').exitOverride();
  registerTerminologyFetchCommand(program.command('terminology').exitOverride());
  return program;
}

describe('icd10 terminology fetch', () => {
  let root: string;
  let server: ReleaseTestServer;
  let stdout: string;
  let stderr: string;

  beforeEach(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'icd10-fetch-cli-'));
    server = await startReleaseServer({ [`/2026/${ZIP_NAME}`]: { body: ZIP } });
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  function writeManifest(sha256: string | null): string {
    const manifest: ReleaseManifest = {
      release: 'FY2026',
      fiscalYear: 2026,
      files: [{ name: ZIP_NAME, url: server.url(`/2026/${ZIP_NAME}`), sha256, yields: ['order'] }],
    };
    const file = path.join(root, 'sources.json');
    writeFileSync(file, JSON.stringify(manifest));
    return file;
  }

  const run = (...args: string[]) => testProgram().parseAsync(['node', 'icd10', 'terminology', 'fetch', ...args]);

  it('installs the release into --dir and prints a JSON summary with hashes', async () => {
    const dir = path.join(root, 'data', 'icd10cm');
    await run('--dir', dir, '--manifest', writeManifest(ZIP_SHA));

    expect(readdirSync(dir)).toEqual(['icd10cm-order-2026.txt']);
    expect(findSourceFiles(dir).order?.year).toBe(2026);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      release: 'FY2026',
      dir,
      downloads: [{ name: ZIP_NAME, sha256: ZIP_SHA, pinned: true }],
      written: [{ kind: 'order', file: path.join(dir, 'icd10cm-order-2026.txt'), from: `${ZIP_NAME}: icd10cm-order-2026.txt` }],
      toPin: [],
    });
    expect(summary.written[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stderr).toContain(`downloading ${server.url(`/2026/${ZIP_NAME}`)}`);
    expect(stderr).toContain('SHA-256 matches the manifest');
    expect(stderr).toContain('refused entry ../evil.txt');
  });

  it('reads the manifest from ICD10CM_RELEASE_MANIFEST and reports hashes to pin when unpinned files are allowed', async () => {
    vi.stubEnv('ICD10CM_RELEASE_MANIFEST', writeManifest(null));
    const dir = path.join(root, 'icd10cm');
    await run('--dir', dir, '--allow-unpinned');

    expect(JSON.parse(stdout).toPin).toEqual([{ name: ZIP_NAME, sha256: ZIP_SHA }]);
    expect(stderr).toContain(`its SHA-256 is ${ZIP_SHA}`);
  });

  it('installs into the global --data-dir when no --dir is given', async () => {
    const dir = path.join(root, 'elsewhere');
    await testProgram().parseAsync(['node', 'icd10', '--data-dir', dir, 'terminology', 'fetch', '--manifest', writeManifest(ZIP_SHA)]);
    expect(JSON.parse(stdout).dir).toBe(dir);
  });

  it('fails without writing anything when a file is unpinned and not allowed', async () => {
    const dir = path.join(root, 'icd10cm');
    const failure = run('--dir', dir, '--manifest', writeManifest(null));
    await expect(failure).rejects.toBeInstanceOf(ReleaseFetchError);
    await expect(failure).rejects.toThrow(ZIP_SHA);
    expect(readdirSync(root)).toEqual(['sources.json']);
    expect(stdout).toBe('');
  });

  it('rejects a timeout that is not a positive whole number', async () => {
    await expect(run('--timeout', 'soon')).rejects.toBeInstanceOf(CommanderError);
  });
});

describe('fetch progress lines', () => {
  it('prints a line per tenth when stderr is not a terminal', () => {
    const lines: string[] = [];
    const print = createFetchProgressPrinter({ write: (text) => lines.push(text), isTTY: false });
    print({ phase: 'download-start', file: 'a.zip', url: 'https://example.test/a.zip', totalBytes: 1000 });
    for (let downloaded = 100; downloaded <= 1000; downloaded += 50) print({ phase: 'download', file: 'a.zip', downloadedBytes: downloaded, totalBytes: 1000 });
    print({ phase: 'download-done', file: 'a.zip', bytes: 1000 });

    expect(lines[0]).toBe('terminology: downloading https://example.test/a.zip (1.0 KB)\n');
    expect(lines.filter((line) => line.includes('%'))).toHaveLength(9);
    expect(lines.at(-1)).toBe('terminology: a.zip: 1.0 KB downloaded\n');
  });

  it('redraws one bar on a terminal', () => {
    const writes: string[] = [];
    const print = createFetchProgressPrinter({ write: (text) => writes.push(text), isTTY: true });
    print({ phase: 'download', file: 'a.zip', downloadedBytes: 500, totalBytes: 1000 });
    expect(writes[0]).toMatch(/^\r\x1b\[2Ka\.zip \[#{15}-{15}\] 50% /);
  });
});
