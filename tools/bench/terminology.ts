/**
 * npm run bench:terminology — build time, load time, resident memory, lookup and search latency.
 * Build and load each run in a fresh child process so that memory and timings are those of a
 * process that only holds the model. Targets: load <= 1 s, RSS <= 350 MB, build <= 60 s, search p95 <= 5 ms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const child = path.join(here, 'terminology-child.ts');
const root = path.resolve(here, '..', '..');

function runChild(mode: string, cacheDir: string): Record<string, number> {
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', child, mode], {
    cwd: root,
    env: { ...process.env, ICD10CM_CACHE_DIR: cacheDir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').pop() as string) as Record<string, number>;
}

const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'icd10-bench-'));
try {
  const build = runChild('build', cacheDir);
  const load = runChild('load', cacheDir);
  const rows: [string, string, string][] = [
    ['build (CDC files -> artifact)', `${build.buildSeconds.toFixed(2)} s`, '<= 60 s'],
    ['artifact size', `${(build.artifactBytes / 1e6).toFixed(1)} MB`, ''],
    ['load (artifact -> model)', `${load.loadSeconds.toFixed(3)} s`, '<= 1 s'],
    ['search index build (first search)', `${load.searchPrepareSeconds.toFixed(2)} s`, ''],
    ['RSS holding the model', `${load.rssModelMb.toFixed(0)} MB`, '<= 350 MB'],
    ['RSS with search index', `${load.rssSearchMb.toFixed(0)} MB`, '<= 350 MB'],
    ['lookup p50 / p95', `${load.lookupP50Us.toFixed(1)} / ${load.lookupP95Us.toFixed(1)} us`, ''],
    ['validate p50 / p95', `${load.validateP50Us.toFixed(1)} / ${load.validateP95Us.toFixed(1)} us`, ''],
    ['search p50 / p95', `${load.searchP50Ms.toFixed(2)} / ${load.searchP95Ms.toFixed(2)} ms`, 'p95 <= 5 ms'],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  console.log(`bench:terminology (${os.cpus().length} cores, node ${process.version})`);
  for (const [name, value, target] of rows) console.log(`  ${name.padEnd(width)}  ${value.padStart(16)}  ${target}`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
