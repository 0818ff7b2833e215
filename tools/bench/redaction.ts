/**
 * npm run bench:redaction [-- --notes 500 --seed 42] — PHI redaction quality and speed on seeded
 * synthetic notes (libs/phi/src/testing). Recall counts ground-truth identifiers wholly redacted
 * (as any type; "typed" requires the right type); precision counts redactions that overlap real
 * PHI. The generator and the rules share an author, so these figures are an upper bound for
 * real notes. No note text is printed.
 */
import { parseArgs } from 'node:util';
import { PHI_TYPES, createRedactor } from '@icd/phi';
import { generateSyntheticNotes, precisionOf, recallOf, scoreRedaction, type TypeScore } from '@icd/phi/testing';

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '500' }, seed: { type: 'string', default: '42' } },
});
const count = Number(values.notes);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  throw new Error('usage: npm run bench:redaction -- [--notes N>=1] [--seed INTEGER]');
}

const notes = generateSyntheticNotes(count, seed);
const megabytes = notes.reduce((sum, note) => sum + Buffer.byteLength(note.text), 0) / 1e6;
const setupStarted = performance.now();
const redactor = createRedactor();
const setupMs = performance.now() - setupStarted;
// Warm up so that regex compilation and JIT are not in the timed run.
for (const note of notes.slice(0, 50)) redactor.redact(note.text);

const latencies: number[] = [];
const started = performance.now();
const results = notes.map((note) => {
  const begin = performance.now();
  const result = redactor.redact(note.text);
  latencies.push(performance.now() - begin);
  return result;
});
const seconds = (performance.now() - started) / 1000;

const score = scoreRedaction(notes.map((note, i) => ({ expected: note.spans, found: results[i].spans })));
const percent = (value: number) => `${(100 * value).toFixed(1)}%`.padStart(7);
const typedRecall = (row: TypeScore) => (row.expected === 0 ? 1 : row.coveredAsType / row.expected);
const line = (label: string, row: TypeScore) =>
  `  ${label.padEnd(12)} ${String(row.expected).padStart(6)} ${percent(recallOf(row))} ${percent(typedRecall(row))} ${String(row.found).padStart(6)} ${percent(precisionOf(row))}`;
const percentile = (p: number) => [...latencies].sort((a, b) => a - b)[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

console.log(`bench:redaction on ${count} synthetic notes (seed ${seed}), ${megabytes.toFixed(2)} MB, node ${process.version}`);
console.log(`  ${'type'.padEnd(12)} ${'gold'.padStart(6)} ${'recall'.padStart(7)} ${'typed'.padStart(7)} ${'found'.padStart(6)} ${'precis.'.padStart(7)}`);
for (const type of PHI_TYPES) console.log(line(type, score.byType[type]));
console.log(line('overall', score.overall));
console.log(`  redactor setup (compile rules)      ${setupMs.toFixed(0)} ms`);
console.log(`  throughput                          ${(count / seconds).toFixed(0)} notes/s  ${(megabytes / seconds).toFixed(2)} MB/s`);
console.log(`  latency per note p50/p95            ${percentile(50).toFixed(2)} / ${percentile(95).toFixed(2)} ms`);
