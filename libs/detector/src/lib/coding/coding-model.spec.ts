import { describe, expect, it } from 'vitest';
import { fixtureHistoryRules, fixtureTerminology } from '../__fixtures__/coding.js';
import { createCodingModel } from './coding-model.js';
import { EMPTY_CALIBRATION, calibratedScore, calibrationKey } from './learned-data.js';

const terminology = fixtureTerminology();
const historyRules = fixtureHistoryRules();
/** The shipped "code first" defaults name codes the fixture's code set lacks. */
const codeFirstDefaults: never[] = [];

describe('createCodingModel', () => {
  it('builds the dictionary from the code set plus the given phrases', () => {
    const lexicon = [{ stems: ['htn', 'crisi'], code: 'I10', source: 'lexicon' as const, display: 'Learned phrase: htn crisi', prior: 0.9 }];
    const model = createCodingModel(terminology, { lexicon, calibration: EMPTY_CALIBRATION, historyRules, codeFirstDefaults });
    expect(model.terminology).toBe(terminology);
    expect(model.dictionary.entries.filter((entry) => entry.source === 'lexicon')).toEqual([expect.objectContaining({ stems: ['htn', 'crisi'], code: 'I10' })]);
    expect(model.narrow('N18', new Set())?.code).toBe('N18.9');
    expect(model.excludes1.conflict('E11.9', 'E08.9')).toBe(true);
    expect(model.asksForAdditionalCode('E11.22', 'N18.30')).toBe(true);
  });

  it('defaults to the shipped lexicon, as far as the code set can place its codes', () => {
    const model = createCodingModel(terminology, { calibration: EMPTY_CALIBRATION, historyRules, codeFirstDefaults });
    const learned = model.dictionary.entries.filter((entry) => entry.source === 'lexicon');
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.every((entry) => terminology.has(entry.code))).toBe(true);
  });

  it('scores each entry from the calibration, its prior where training never saw it', () => {
    const seen = createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION, historyRules, codeFirstDefaults }).dictionary.entries[0];
    const calibration = { ...EMPTY_CALIBRATION, entries: { [calibrationKey(seen)]: [10, 1] as [number, number] } };
    const model = createCodingModel(terminology, { lexicon: [], calibration, historyRules, codeFirstDefaults });
    expect(model.calibration).toBe(calibration);
    model.dictionary.entries.forEach((entry) => expect(model.entryScores[entry.id]).toBeCloseTo(calibratedScore(calibration, entry), 12));
    expect(model.entryScores[seen.id]).toBeCloseTo((1 + 2 * seen.prior) / 12, 12);
  });

  it('takes history rules the code set satisfies, and refuses the shipped ones on a code set that lacks their codes', () => {
    const model = createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION, historyRules, codeFirstDefaults });
    expect(model.historyRules).toBe(historyRules);
    expect(model.historyCodes).toEqual(new Set(['Z85.3']));
    expect(() => createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION, codeFirstDefaults })).toThrow(/history-rules\.en\.json: .* is not a billable FY2026 code/);
  });

  it('takes "code first" defaults as given, and refuses the shipped ones on a code set that lacks their codes', () => {
    const model = createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION, historyRules, codeFirstDefaults });
    expect(model.codeFirstDefaults).toBe(codeFirstDefaults);
    expect(() => createCodingModel(terminology, { lexicon: [], calibration: EMPTY_CALIBRATION, historyRules })).toThrow(/code-first-defaults\.en\.json: rules\.0\.defaultCode: A41\.9 is not a billable code/);
  });
});
