import type { CompiledTerminology } from '@icd/terminology';
import { describe, expect, it } from 'vitest';
import data from '../../data/bmi-rules.en.json' with { type: 'json' };
import { parseBmiRules } from './bmi-status.js';

/** An Index with the adult BMI bands the way the CDC file writes them, and one pediatric band. */
const MODEL = {
  indexTerms: [
    { id: 0, parent: -1, level: 0, title: 'Body, bodies', nemod: '', source: 'index' },
    { id: 1, parent: 0, level: 1, title: 'mass index', nemod: '(BMI)', source: 'index' },
    { id: 2, parent: 1, level: 2, title: 'adult', nemod: '', source: 'index' },
    { id: 3, parent: 2, level: 3, title: '19 or less', nemod: '', source: 'index' },
    { id: 4, parent: 2, level: 3, title: '40.0-44.9', nemod: '', source: 'index' },
    { id: 5, parent: 2, level: 3, title: '70 and over', nemod: '', source: 'index' },
    { id: 6, parent: 1, level: 2, title: 'pediatric', nemod: '', source: 'index' },
    { id: 7, parent: 6, level: 3, title: 'less than fifth percentile for age', nemod: '', source: 'index' },
  ],
  indexTermCodes: [null, null, null, 'Z681', 'Z6841', 'Z6845', null, 'Z6851'],
} as unknown as CompiledTerminology;

const rules = parseBmiRules(data, MODEL);

/** The values the rules' pattern reads in `text`. */
function valuesIn(text: string): number[] {
  return [...text.matchAll(rules.pattern)].map((found) => Number(found[1]));
}

describe('parseBmiRules', () => {
  it('reads the adult bands of the Index, open at either end where the title says so', () => {
    expect(rules.bands).toEqual([
      { low: 0, high: 20, code: 'Z681' },
      { low: 40, high: 45, code: 'Z6841' },
      { low: 70, high: Number.POSITIVE_INFINITY, code: 'Z6845' },
    ]);
  });

  it('reads a stated value after a BMI phrase, but not a percentile or a longer number', () => {
    expect(valuesIn('BMI 42. Body mass index of 19.5 kg/m2. bmi: 71')).toEqual([42, 19.5, 71]);
    expect(valuesIn('BMI at the 97th percentile. BMI 95%. BMI 425.')).toEqual([]);
  });

  it('refuses a rule file of the wrong shape, naming it', () => {
    expect(() => parseBmiRules({ phrases: [] }, MODEL)).toThrow(/bmi-rules\.en\.json/);
  });
});
