import { describe, expect, it } from 'vitest';
import { fixtureHistoryRules, fixtureTerminology } from '../__fixtures__/coding.js';
import { createCodingModel } from './coding-model.js';
import { EMPTY_CALIBRATION, calibratedScore, calibrationKey } from './learned-data.js';

const terminology = fixtureTerminology();
const historyRules = fixtureHistoryRules();

describe('createCodingModel', () => {
  it('builds the dictionary from the code set plus the given phrases', () => {
    const lexicon = [{ stems: ['htn', 'crisi'], code: 'I10', source: 'lexicon' as const, display: 'Learned phrase: htn crisi', prior: 0.9 }];
    const model = createCodingModel(terminology, { lexicon, calibration: EMPTY_CALIBRATION, historyRules });
    expect(model.terminology).toBe(terminology);
    expect(model.dictionary.entries.filter((entry) => entry.source === 'lexicon')).toEqual([expect.objectContaining({ stems: ['htn', 'crisi'], code: 'I10' })]);
    expect(model.narrow('N18', new Set())?.code).toBe('N18.9');
    expect(model.excludes1.conflict('E11.9', 'E08.9')).toBe(true);
    expect(model.asksForAdditionalCode('E11.22', 'N18.30')).toBe(true);
  });

  it('defaults to the shipped lexicon, as far as the code set can place its codes', () => {
    const model = createCodingModel(terminology, { calibration: EMPTY_CALIBRATION, historyRules });
    const learned = model.dictionary.entries.filter((entry) => entry.source === 'lexicon');
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.every((entry) => terminology.has(entry.code))).toBe(true);
  });

  it('scores each entry from the calibration, its prior where training never saw it', () => {
    const seen = createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION, historyRules }).dictionary.entries[0];
    const calibration = { ...EMPTY_CALIBRATION, entries: { [calibrationKey(seen)]: [10, 1] as [number, number] } };
    const model = createCodingModel(terminology, { lexicon: [], calibration, historyRules });
    expect(model.calibration).toBe(calibration);
    model.dictionary.entries.forEach((entry) => expect(model.entryScores[entry.id]).toBeCloseTo(calibratedScore(calibration, entry), 12));
    expect(model.entryScores[seen.id]).toBeCloseTo((1 + 2 * seen.prior) / 12, 12);
  });

  it('takes history rules the code set satisfies, and refuses the shipped ones on a code set that lacks their codes', () => {
    const model = createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION, historyRules });
    expect(model.historyRules).toBe(historyRules);
    expect(model.historyCodes).toEqual(new Set(['Z85.3']));
    expect(() => createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION })).toThrow(/history-rules\.en\.json: .* is not a billable FY2026 code/);
  });
});
