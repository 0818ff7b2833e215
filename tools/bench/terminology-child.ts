/** One measurement run for bench:terminology; prints one JSON line on stdout. */
import { statSync } from 'node:fs';
import { compileTerminology, loadTerminology } from '@icd/terminology';
import { EVERYDAY_QUERIES } from './queries.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const rssMb = () => {
  gc();
  return process.memoryUsage().rss / 1e6;
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeEach<T>(inputs: T[], run: (input: T) => unknown): number[] {
  return inputs.map((input) => {
    const started = performance.now();
    run(input);
    return performance.now() - started;
  });
}

async function measureBuild() {
  const started = performance.now();
  const outcome = await compileTerminology({ rebuild: true });
  return { buildSeconds: (performance.now() - started) / 1000, artifactBytes: statSync(outcome.artifactPath).size };
}

async function measureLoad() {
  const started = performance.now();
  const terminology = await loadTerminology();
  const loadSeconds = (performance.now() - started) / 1000;
  const rssModelMb = rssMb();
  const codes = terminology.compiled.codes.map((code) => code.code);
  const sample = Array.from({ length: 20000 }, (_, i) => codes[(i * 7919) % codes.length]);
  const lookups = timeEach(sample, (code) => terminology.lookup(code));
  const validations = timeEach(sample, (code) => terminology.validate(code));
  const prepareStarted = performance.now();
  terminology.prepareSearch();
  const searchPrepareSeconds = (performance.now() - prepareStarted) / 1000;
  const rssSearchMb = rssMb();
  const queries = Array.from({ length: 5 }, () => EVERYDAY_QUERIES.map((entry) => entry.query)).flat();
  const searches = timeEach(queries, (query) => terminology.search(query, { limit: 10 }));
  return {
    loadSeconds,
    rssModelMb,
    searchPrepareSeconds,
    rssSearchMb,
    lookupP50Us: percentile(lookups, 50) * 1000,
    lookupP95Us: percentile(lookups, 95) * 1000,
    validateP50Us: percentile(validations, 50) * 1000,
    validateP95Us: percentile(validations, 95) * 1000,
    searchP50Ms: percentile(searches, 50),
    searchP95Ms: percentile(searches, 95),
  };
}

const mode = process.argv[2];
const result = mode === 'build' ? await measureBuild() : await measureLoad();
process.stdout.write(`${JSON.stringify(result)}\n`);
