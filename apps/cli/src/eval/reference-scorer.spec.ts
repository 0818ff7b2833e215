/**
 * Cross-check against `reference_scorer.py D --strict-map`, the restatement of the official
 * CodiEsp metric: same gold and predictions, same MAP / P / R / F1 and pair counts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRANULARITIES, type Granularity } from './codes.js';
import { defaultCodiEspRoot, readCodiEspGold } from './codiesp-corpus.js';
import { scorePredictions, type Scores } from './metrics.js';
import { formatCodesTsv } from './predictions-tsv.js';

const CODIESP_ROOT = defaultCodiEspRoot();
const SCORER = path.join(CODIESP_ROOT, 'reference_scorer.py');
const canRunScorer = existsSync(SCORER) && spawnSync('python3', ['--version']).status === 0;

/** What the scorer prints: `MAP=0.1234  P=0.1234 R=0.1234 F1=0.1234  (tp=1 pred=2 gold=3)`. */
const SCORER_LINE = /^MAP=(\S+)\s+P=(\S+) R=(\S+) F1=(\S+)\s+\(tp=(\d+) pred=(\d+) gold=(\d+)\)$/m;
/** The scorer prints four decimals. */
const PRINTED_PRECISION = 5e-5 + 1e-12;
/** Unrounded figures may differ only by floating-point summation order. */
const SUMMATION_ERROR = 1e-12;

type ReferenceScores = Pick<Scores, 'map' | 'precision' | 'recall' | 'f1' | 'truePositives' | 'predictedPairs' | 'goldPairs'>;

function runScorer(goldFile: string, predictionsFile: string): ReferenceScores {
  const output = execFileSync('python3', [SCORER, 'D', '-g', goldFile, '-p', predictionsFile, '--strict-map'], {
    encoding: 'utf8',
  });
  const match = SCORER_LINE.exec(output);
  if (!match) throw new Error(`unexpected scorer output: ${output}`);
  const [map, precision, recall, f1] = match.slice(1, 5).map(Number);
  const [truePositives, predictedPairs, goldPairs] = match.slice(5, 8).map((count) => Number.parseInt(count, 10));
  return { map, precision, recall, f1, truePositives, predictedPairs, goldPairs };
}

/**
 * The same figures unrounded, from the scorer's own functions: four printed decimals would hide
 * small differences such as a hit just past the AP depth.
 */
const FULL_PRECISION_SCRIPT = `
import json, sys
sys.path.insert(0, sys.argv[1])
import reference_scorer as r
gold, pred = r.read_tsv(sys.argv[2]), r.read_tsv(sys.argv[3])
P, R, F, tp, npred, ngold = r.dp_prf(gold, pred)
print(json.dumps({"map": r.dp_map(gold, pred, strict=True), "precision": P, "recall": R, "f1": F,
                  "truePositives": tp, "predictedPairs": npred, "goldPairs": ngold}))
`;

function runScorerFunctions(goldFile: string, predictionsFile: string): ReferenceScores {
  const args = ['-c', FULL_PRECISION_SCRIPT, path.dirname(SCORER), goldFile, predictionsFile];
  return JSON.parse(execFileSync('python3', args, { encoding: 'utf8' })) as ReferenceScores;
}

function expectSameAsScorer(ours: Scores, reference: ReferenceScores, tolerance: number): void {
  for (const key of ['map', 'precision', 'recall', 'f1'] as const) {
    expect(Math.abs(ours[key] - reference[key]), key).toBeLessThanOrEqual(tolerance);
  }
  expect(ours.truePositives).toBe(reference.truePositives);
  expect(ours.predictedPairs).toBe(reference.predictedPairs);
  expect(ours.goldPairs).toBe(reference.goldPairs);
}

/** A small deterministic PRNG (mulberry32) so the synthetic set is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates, in place. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
}

const CODE_POOL = [
  'E11.9', 'E11.65', 'E10.9', 'I10', 'R52', 'R51', 'R51.9', 'S72.001A', 'S72.001D', 'S72.001',
  'W19.XXXA', 'W19.XXXD', 'J45.909', 'N39.0', 'C50.919', 'C50.911', 'M54.5', 'M54.50', 'K21.9', 'Z99.89',
];

/** Hand-picked edge cases, then random documents mixing hits, near misses and duplicates. */
function syntheticSet(): { gold: Map<string, Set<string>>; predictions: Map<string, string[]> } {
  // The scorer's depth, spelled out rather than taken from metrics.ts so that the check is independent.
  const filler = Array.from({ length: 1000 }, (_unused, index) => `Z00.${index}`);
  const gold = new Map<string, Set<string>>([
    ['edge-duplicates', new Set(['E11.9', 'I10', 'R52'])],
    ['edge-no-predictions', new Set(['J45.909', 'N39.0'])],
    ['edge-seventh', new Set(['S72.001A', 'W19.XXXA'])],
    ['edge-deep', new Set(['K21.9', 'I10'])],
  ]);
  const predictions = new Map<string, string[]>([
    ['edge-duplicates', ['R52', 'e11.9', 'Z99.89', 'R52', 'E11.9', 'i10']],
    ['edge-seventh', ['S72.001D', 'W19.XXXA', 'S72.001']],
    // K21.9 lands beyond the AP depth: it counts in P/R but not in MAP.
    ['edge-deep', ['I10', ...filler, 'K21.9', 'Z99.89']],
    ['edge-not-in-gold', ['I10', 'R52']],
  ]);
  const random = seededRandom(2020);
  const pick = (): string => CODE_POOL[Math.floor(random() * CODE_POOL.length)];
  for (let index = 0; index < 40; index += 1) {
    const id = `synthetic-${String(index).padStart(2, '0')}`;
    gold.set(id, new Set(Array.from({ length: 1 + Math.floor(random() * 5) }, pick)));
    if (random() < 0.15) continue;
    predictions.set(id, Array.from({ length: Math.floor(random() * 9) }, () => (random() < 0.2 ? pick().toLowerCase() : pick())));
  }
  return { gold, predictions };
}

/** Raw rows as a detector might emit them: duplicates and mixed case left for the scorer to handle. */
function rawPredictionRows(predictions: ReadonlyMap<string, readonly string[]>): string {
  return [...predictions].flatMap(([id, codes]) => codes.map((code) => `${id}\t${code}\n`)).join('');
}

describe.skipIf(!canRunScorer)('agreement with reference_scorer.py --strict-map', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'codiesp-crosscheck-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Scores with the reference scorer, the gold and predictions folded by our writer unless given raw. */
  async function scoreWithReference(
    name: string,
    gold: ReadonlyMap<string, Iterable<string>>,
    predictions: ReadonlyMap<string, readonly string[]>,
    granularity: Granularity,
    goldFile?: string,
  ): Promise<{ printed: ReferenceScores; unrounded: ReferenceScores }> {
    const predictionsFile = path.join(folder, `${name}-${granularity}-pred.tsv`);
    const raw = granularity === 'full' ? rawPredictionRows(predictions) : formatCodesTsv(predictions, { granularity });
    await writeFile(predictionsFile, raw);
    let goldPath = goldFile;
    if (!goldPath || granularity !== 'full') {
      goldPath = path.join(folder, `${name}-${granularity}-gold.tsv`);
      await writeFile(goldPath, formatCodesTsv(gold, { granularity }));
    }
    return { printed: runScorer(goldPath, predictionsFile), unrounded: runScorerFunctions(goldPath, predictionsFile) };
  }

  it.each(GRANULARITIES)('matches on a synthetic set at granularity %s', async (granularity) => {
    const { gold, predictions } = syntheticSet();
    const reference = await scoreWithReference('synthetic', gold, predictions, granularity);
    const ours = scorePredictions(gold, predictions, { granularity });
    expectSameAsScorer(ours, reference.printed, PRINTED_PRECISION);
    expectSameAsScorer(ours, reference.unrounded, SUMMATION_ERROR);
  });

  const devGoldFile = path.join(CODIESP_ROOT, 'dev', 'devD.tsv');

  it.skipIf(!existsSync(devGoldFile)).each(GRANULARITIES)(
    'matches on the dev gold with perturbed predictions at granularity %s',
    async (granularity) => {
      const gold = await readCodiEspGold('dev', CODIESP_ROOT);
      const random = seededRandom(250);
      const others = [...gold.values()].flatMap((codes) => [...codes]);
      const predictions = new Map<string, string[]>();
      for (const [id, codes] of gold) {
        if (random() < 0.1) continue;
        const kept = [...codes].filter(() => random() < 0.6);
        const noise = Array.from({ length: Math.floor(random() * 6) }, () => others[Math.floor(random() * others.length)]);
        predictions.set(id, shuffle([...kept, ...noise], random));
      }
      const reference = await scoreWithReference('dev', gold, predictions, granularity, devGoldFile);
      const ours = scorePredictions(gold, predictions, { granularity });
      expectSameAsScorer(ours, reference.printed, PRINTED_PRECISION);
      expectSameAsScorer(ours, reference.unrounded, SUMMATION_ERROR);
    },
  );
});
