import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerApiKeyCommands } from './apikey-command.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('icd10 apikey', () => {
  let root: string;
  let stdout: string;
  let stderr: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'icd10-apikey-'));
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  });

  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    const program = new Command('icd10').exitOverride();
    registerApiKeyCommands(program);
    stdout = '';
    await program.parseAsync(['node', 'icd10', 'apikey', ...args]);
    return stdout ? JSON.parse(stdout) : undefined;
  };

  it('prints a new key once with the entry that holds only its hash', async () => {
    const { key, entry } = await run('create', '--tenant', 'acme', '--id', 'acme-ci', '--note', 'CI pipeline');
    expect(key).toMatch(/^icd10_[\w-]{43}$/);
    expect(entry).toEqual({ id: 'acme-ci', tenant: 'acme', sha256: sha256(key), revoked: false, note: 'CI pipeline', createdAt: expect.any(String) });
    expect(JSON.stringify(entry)).not.toContain(key);
    expect(stderr).toContain('shown only now');
    const again = await run('create', '--tenant', 'acme');
    expect(again.key).not.toBe(key);
    expect(again.entry.id).toMatch(/^acme-[0-9a-f]{8}$/);
  });

  it('appends to a keys file readable by its owner only, and revokes by id', async () => {
    const file = path.join(root, 'keys.json');
    const first = await run('create', '--tenant', 'acme', '--id', 'k1', '--file', file);
    const second = await run('create', '--tenant', 'globex', '--id', 'k2', '--file', file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toEqual([first.entry, second.entry]);
    expect(readFileSync(file, 'utf8')).not.toContain(first.key);

    await run('revoke', 'k1', '--file', file);
    expect(JSON.parse(readFileSync(file, 'utf8')).map((entry: { revoked: boolean }) => entry.revoked)).toEqual([true, false]);
    await expect(run('revoke', 'nope', '--file', file)).rejects.toThrow(/no key nope/);
    await expect(run('create', '--tenant', 'acme', '--id', 'k2', '--file', file)).rejects.toThrow(/already has a key k2/);
  });

  it('refuses tenant and key names that are not plain tokens', async () => {
    await expect(run('create', '--tenant', 'acme corp')).rejects.toThrow(/--tenant/);
    await expect(run('create', '--tenant', 'acme', '--id', 'a:b')).rejects.toThrow(/--id/);
  });
});
