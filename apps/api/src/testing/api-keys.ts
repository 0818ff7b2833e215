/** API keys for the integration tests, made the way an operator makes them: with `icd10 apikey`. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `icd10 apikey create --file <file>` (the real CLI, as a process) and returns the printed key. */
export function createKeyWithCli(file: string, tenant: string, id: string): string {
  const output = execFileSync(process.execPath, ['bin/icd10.mjs', 'apikey', 'create', '--tenant', tenant, '--id', id, '--file', file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(output) as { key: string }).key;
}

/** `icd10 apikey revoke <id> --file <file>`. */
export function revokeKeyWithCli(file: string, id: string): void {
  execFileSync(process.execPath, ['bin/icd10.mjs', 'apikey', 'revoke', id, '--file', file], { cwd: ROOT, stdio: 'ignore' });
}

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
