import { describe, expect, it } from 'vitest';
import calibrationData from '../../data/calibration.codiesp-train.json' with { type: 'json' };
import lexiconData from '../../data/lexicon.codiesp-train.json' with { type: 'json' };
import { fixtureTerminology } from '../__fixtures__/coding.js';
import type { DictionaryEntry } from '../dictionary/term-dictionary.js';
import { CANDIDATE_FEATURES } from './code-candidates.js';
import { EMPTY_CALIBRATION, calibratedScore, calibrationKey, parseCalibration, parseLexicon } from './learned-data.js';

const entry = (fields: Partial<DictionaryEntry> = {}): DictionaryEntry => ({
  id: 0,
  stems: ['pain', 'back', 'low'],
  code: 'M545',
  source: 'index',
  display: 'Index: Pain > low back',
  prior: 0.5,
  ...fields,
});

describe('calibrationKey and calibratedScore', () => {
  it('keys an entry by source, stems in any order, and code', () => {
    expect(calibrationKey(entry())).toBe('index|back low pain|M545');
    expect(calibrationKey(entry({ stems: ['low', 'pain', 'back'] }))).toBe(calibrationKey(entry()));
    expect(calibrationKey(entry({ source: 'title' }))).not.toBe(calibrationKey(entry()));
  });

  it('is the prior for an entry training never saw', () => {
    expect(calibratedScore(EMPTY_CALIBRATION, entry())).toBe(0.5);
  });

  it('is the share of hits, smoothed towards the prior by two imagined matches', () => {
    const calibration = { ...EMPTY_CALIBRATION, entries: { [calibrationKey(entry())]: [8, 6] as [number, number] } };
    expect(calibratedScore(calibration, entry())).toBeCloseTo((6 + 2 * 0.5) / (8 + 2), 12);
    const neverRight = { ...EMPTY_CALIBRATION, entries: { [calibrationKey(entry())]: [98, 0] as [number, number] } };
    expect(calibratedScore(neverRight, entry())).toBeCloseTo(0.01, 12);
  });
});

describe('parseCalibration', () => {
  it('reads the shipped file, whose ranker uses the current features and whose threshold is a score', () => {
    const calibration = parseCalibration(calibrationData);
    expect(calibration.ranker?.features).toEqual([...CANDIDATE_FEATURES]);
    expect(calibration.threshold).toBeGreaterThan(0);
    expect(calibration.threshold).toBeLessThan(1);
  });

  it('fills defaults for optional fields', () => {
    expect(parseCalibration({ source: 'test', entries: {}, codes: {} })).toEqual({ ...EMPTY_CALIBRATION, source: 'test' });
  });

  it('names the file and the field at fault', () => {
    expect(() => parseCalibration({ source: 'x', entries: { a: [1] }, codes: {} })).toThrow(/calibration\.codiesp-train\.json: entries\.a/);
    expect(() => parseCalibration({ source: 'x', entries: {}, codes: {}, threshold: 2 })).toThrow(/calibration\.codiesp-train\.json: threshold/);
  });

  it('refuses a ranker fitted on other features', () => {
    const ranker = { features: ['bestScore'], means: [0], scales: [1], weights: [1], bias: 0 };
    expect(() => parseCalibration({ source: 'x', entries: {}, codes: {}, ranker })).toThrow(/fitted on other features/);
  });
});

describe('parseLexicon', () => {
  const terminology = fixtureTerminology();

  it('turns mined phrases into lexicon drafts with undotted codes and their precision as prior', () => {
    const drafts = parseLexicon({ source: 'x', entries: [{ stems: ['hypertens'], code: 'I10', support: 9, precision: 0.8 }] }, terminology);
    expect(drafts).toEqual([{ stems: ['hypertens'], code: 'I10', source: 'lexicon', display: 'Learned phrase: hypertens', prior: 0.8 }]);
  });

  it('bridges a code of an older edition and drops one the code set cannot place', () => {
    const drafts = parseLexicon(
      {
        source: 'x',
        entries: [
          { stems: ['ckd', '3'], code: 'N18.39', support: 5, precision: 0.5 },
          { stems: ['zzz'], code: 'Q99.9', support: 5, precision: 0.5 },
        ],
      },
      terminology,
    );
    expect(drafts.map((draft) => draft.code)).toEqual(['N1830']);
  });

  it('names the field at fault', () => {
    expect(() => parseLexicon({ source: 'x', entries: [{ stems: [], code: 'I10', support: 1, precision: 0.5 }] }, terminology)).toThrow(
      /lexicon\.codiesp-train\.json: entries\.0\.stems/,
    );
    expect(() => parseLexicon({ source: 'x', entries: [{ stems: ['a'], code: 'I10', support: 1, precision: 1.5 }] }, terminology)).toThrow(/entries\.0\.precision/);
  });

  it('reads the shipped lexicon', () => {
    expect(lexiconData.entries.length).toBeGreaterThan(100);
    expect(() => parseLexicon(lexiconData, terminology)).not.toThrow();
  });
});
