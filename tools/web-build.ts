/**
 * Builds the review UI (apps/web) into apps/web/dist when its sources changed since the last build,
 * so that `npm start` and `npm test` work on a fresh clone without a separate build step, and cost
 * nothing when the build is current. `tsx tools/web-build.ts [--force]` runs it by hand.
 *
 * The build goes to a private folder under tmp/ and is then moved into place, so that two runs at
 * once (two test processes, say) never serve a half-written folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'apps', 'web');
export const WEB_DIST = path.join(WEB, 'dist');
const STAMP = '.source-hash';

/** What the bundle is made from: its sources, the contracts it imports, and the locked tool versions. */
const INPUTS = [path.join(WEB, 'index.html'), path.join(WEB, 'vite.config.ts'), path.join(WEB, 'src'), path.join(ROOT, 'libs', 'contracts', 'src'), path.join(ROOT, 'package-lock.json')];

function filesUnder(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => (name.endsWith('.spec.ts') || name === '__fixtures__' ? [] : filesUnder(path.join(entry, name))));
}

export function webSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function isCurrent(hash: string): boolean {
  const stamp = path.join(WEB_DIST, STAMP);
  return existsSync(path.join(WEB_DIST, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
}

/** Builds when needed; answers whether it built. Throws with Vite's output when the build fails. */
export function ensureWebBuild(options: { force?: boolean; log?: (message: string) => void } = {}): boolean {
  const hash = webSourceHash();
  if (!options.force && isCurrent(hash)) return false;
  options.log?.('building the review UI (apps/web)');
  const staging = path.join(ROOT, 'tmp', `web-build-${process.pid}-${Date.now()}`);
  mkdirSync(path.dirname(staging), { recursive: true });
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  // A child process with NODE_ENV=production: under a test runner NODE_ENV=test would give a development build.
  const run = spawnSync(process.execPath, [vite, 'build', '--config', path.join(WEB, 'vite.config.ts'), '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`vite build failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
  }
  writeFileSync(path.join(staging, STAMP), hash);
  swapInto(staging, WEB_DIST);
  return true;
}

/** Replaces `target` with `staging`; should another build have just done the same, its copy is as good. */
function swapInto(staging: string, target: string): void {
  const previous = `${staging}-previous`;
  if (existsSync(target)) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (!existsSync(path.join(target, 'index.html'))) throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(previous, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = ensureWebBuild({ force: process.argv.includes('--force'), log: (message) => process.stderr.write(`[web] ${message}\n`) });
  process.stderr.write(`[web] ${built ? `built into ${path.relative(ROOT, WEB_DIST)} in ${Date.now() - started} ms` : 'already current'}\n`);
}
