/**
 * trainDetector builds detectors with the shipped history rules, which need the full code set:
 * this runs on the real CDC files and the CodiEsp dev cases when both are present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findSourceFiles, loadTerminology, resolveDataDir } from '@icd/terminology';
import { describe, expect, it } from 'vitest';
import { codiespTextDir } from '../__fixtures__/notes.js';
import { CANDIDATE_FEATURES } from '../coding/code-candidates.js';
import { parseCalibration, parseLexicon } from '../coding/learned-data.js';
import { createDetector } from '../create-detector.js';
import type { TrainingDocument } from './mine-lexicon.js';
import { trainDetector } from './train-detector.js';

const textDir = codiespTextDir('dev');
const goldFile = textDir === null ? null : path.join(textDir, '..', 'devD.tsv');
const ready = findSourceFiles(resolveDataDir().dir).order !== undefined && goldFile !== null && existsSync(goldFile);

/** The first `count` dev cases with their gold codes. */
function devDocuments(count: number): TrainingDocument[] {
  const gold = new Map<string, Set<string>>();
  for (const line of readFileSync(goldFile as string, 'utf8').split('\n')) {
    const [id, code] = line.trim().split('\t');
    if (id && code) gold.set(id, new Set([...(gold.get(id) ?? []), code.toUpperCase()]));
  }
  return readdirSync(textDir as string)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .slice(0, count)
    .map((file) => {
      const id = file.replace(/\.txt$/, '');
      return { id, text: readFileSync(path.join(textDir as string, file), 'utf8'), codes: gold.get(id) ?? new Set() };
    });
}

describe.skipIf(!ready)('trainDetector on real cases', () => {
  it('learns, in order, phrases, entry calibration, a ranker and a threshold that load back into a detector', async () => {
    const terminology = await loadTerminology();
    const documents = devDocuments(40);
    const steps: string[] = [];
    const { lexicon, calibration } = trainDetector(terminology, documents, (step) => steps.push(step), { minSupport: 3 }, 2);
    expect(steps).toEqual([
      'mining phrases',
      'calibrating dictionary entries',
      'cross-fitting fold 1 of 2',
      'cross-fitting fold 2 of 2',
      'fitting the code ranker',
      'choosing the score threshold',
    ]);
    expect(lexicon.entries.length).toBeGreaterThan(0);
    expect(calibration.documents).toBe(40);
    expect(Object.keys(calibration.entries).length).toBeGreaterThan(0);
    expect(calibration.ranker?.features).toEqual([...CANDIDATE_FEATURES]);
    expect(calibration.threshold).toBeGreaterThan(0);
    expect(calibration.threshold).toBeLessThan(1);

    // What the train command writes must load back.
    const reloaded = parseCalibration(JSON.parse(JSON.stringify(calibration)));
    const detector = createDetector(terminology, { lexicon: parseLexicon(JSON.parse(JSON.stringify(lexicon)), terminology), calibration: reloaded });
    const codes = documents.slice(0, 15).flatMap((document) => detector.detect(document.text).codes.map((proposal) => proposal.code));
    const gold = new Set(documents.slice(0, 15).flatMap((document) => [...document.codes]));
    // Fitted on these very cases, the detector must find a good share of their codes.
    expect(codes.filter((code) => gold.has(code)).length).toBeGreaterThan(codes.length / 2);
  }, 240_000);
});
