/**
 * `icd10 apikey create|revoke`: API keys for the HTTP API. A key is shown once, when it is made; the
 * keys file (`API_KEYS_FILE`) only ever holds its SHA-256, which is what the API compares against.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';

/** Same rule as the API's (apps/api/src/api-keys.ts): safe in logs, Redis keys and job ids. */
const NAME_PATTERN = /^[\w.-]{1,64}$/;

export interface ApiKeyFileEntry {
  id: string;
  tenant: string;
  sha256: string;
  revoked: boolean;
  note?: string;
  createdAt?: string;
}

/** 256 random bits, base64url (valid in a Bearer header as it is), with a prefix secret scanners can spot. */
export function generateApiKey(): string {
  return `icd10_${randomBytes(32).toString('base64url')}`;
}

export function apiKeyEntry(key: string, tenant: string, id: string, note?: string, now = new Date()): ApiKeyFileEntry {
  const sha256 = createHash('sha256').update(key, 'utf8').digest('hex');
  return { id, tenant, sha256, revoked: false, ...(note && { note }), createdAt: now.toISOString() };
}

function checkedName(value: string, option: string): string {
  if (!NAME_PATTERN.test(value)) throw new Error(`${option} takes 1 to 64 letters, digits, _ . or -`);
  return value;
}

function readEntries(file: string): ApiKeyFileEntry[] {
  if (!existsSync(file)) return [];
  const entries: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(entries)) throw new Error(`${file} is not a JSON array of key entries`);
  return entries as ApiKeyFileEntry[];
}

/** Written beside and renamed over, so the API never reads a half-written file; readable by its owner only. */
function writeEntries(file: string, entries: ApiKeyFileEntry[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

interface CreateOptions {
  tenant: string;
  id?: string;
  note?: string;
  file?: string;
}

function createKey(options: CreateOptions): void {
  const tenant = checkedName(options.tenant, '--tenant');
  const id = checkedName(options.id ?? `${tenant}-${randomBytes(4).toString('hex')}`, '--id');
  const key = generateApiKey();
  const entry = apiKeyEntry(key, tenant, id, options.note);
  if (options.file !== undefined) {
    const entries = readEntries(options.file);
    if (entries.some((existing) => existing.id === id)) throw new Error(`${options.file} already has a key ${id}`);
    writeEntries(options.file, [...entries, entry]);
  }
  process.stdout.write(`${JSON.stringify({ key, entry, ...(options.file !== undefined && { file: options.file }) }, null, 2)}\n`);
  process.stderr.write(
    options.file !== undefined
      ? `Key ${id} for tenant ${tenant} added to ${options.file}; send SIGHUP to a running API to load it. The key is shown only now.\n`
      : `Add "entry" to the API_KEYS_FILE array (or use --file). The key is shown only now; only its hash is kept.\n`,
  );
}

function revokeKey(id: string, options: { file: string }): void {
  const entries = readEntries(options.file);
  const entry = entries.find((existing) => existing.id === id);
  if (!entry) throw new Error(`${options.file} has no key ${id}`);
  entry.revoked = true;
  writeEntries(options.file, entries);
  process.stderr.write(`Key ${id} revoked in ${options.file}; send SIGHUP to a running API (or restart it) to apply.\n`);
}

export function registerApiKeyCommands(program: Command): void {
  const apikey = program.command('apikey').description('API keys for the HTTP API (stored hashed in API_KEYS_FILE)');
  apikey
    .command('create')
    .description('make a key for a tenant: prints the key once, and its entry for the keys file')
    .requiredOption('--tenant <tenant>', 'the tenant the key acts for (letters, digits, _ . -)')
    .option('--id <id>', 'public name of the key, as logs and audit lines show it (default: <tenant>-<random>)')
    .option('--note <text>', 'free text kept with the entry, e.g. whose key it is')
    .option('--file <file>', 'append the entry to this keys file (created if missing, mode 600)')
    .action((options: CreateOptions) => createKey(options));
  apikey
    .command('revoke')
    .description('mark a key of the keys file revoked (the API then answers 401 revoked_api_key)')
    .argument('<id>', 'the key id')
    .requiredOption('--file <file>', 'the keys file')
    .action((id: string, options: { file: string }) => revokeKey(id, options));
}
