import { describe, expect, it } from 'vitest';
import { parseAbbreviations } from './abbreviation-rules.js';
import { RuleFileError } from './rule-file.js';

const file = (entries: unknown[]) => ({ language: 'en', entries });

function problemsOf(raw: unknown): string {
  try {
    parseAbbreviations(raw, 'abbreviations.test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFileError);
    return (error as RuleFileError).message;
  }
  return '';
}

describe('parseAbbreviations', () => {
  it('compiles single-sense and multi-sense entries, case rules apart', () => {
    const rules = parseAbbreviations(
      file([
        { abbreviation: 'HTN', expansion: 'hypertension' },
        { abbreviation: 'AS', caseSensitive: true, expansion: 'aortic stenosis' },
        { abbreviation: 'RA', senses: [{ expansion: 'rheumatoid arthritis' }, { expansion: 'room air', cues: ['SpO2'] }] },
      ]),
      'x.json',
    );
    expect(rules.entries.map((entry) => entry.senses.length)).toEqual([1, 1, 2]);
    expect(rules.caseInsensitive.matchAll('htn; ra').map((match) => match.value.abbreviation)).toEqual(['HTN', 'RA']);
    expect(rules.caseSensitive.matchAll('as AS').map((match) => match.begin)).toEqual([3]);
  });

  it('needs exactly one of expansion and senses, naming the entry', () => {
    expect(problemsOf(file([{ abbreviation: 'X' }]))).toMatch(/rule 0 \(entries\[0]\.expansion\): give either/);
    const both = { abbreviation: 'X', expansion: 'x', senses: [{ expansion: 'a' }, { expansion: 'b' }] };
    expect(problemsOf(file([both]))).toMatch(/give either/);
    expect(problemsOf(file([{ abbreviation: 'X', senses: [{ expansion: 'a' }] }]))).toMatch(/entries\[0]\.senses/);
  });

  it('rejects a spelling claimed twice, unless both entries match case and differ in it', () => {
    const clash = [
      { abbreviation: 'AF', expansion: 'atrial fibrillation' },
      { abbreviation: 'AFib', forms: ['af'], expansion: 'atrial fibrillation' },
    ];
    expect(problemsOf(file(clash))).toMatch(/rule 1 \(entries\[1]\): spelling "af" is already entry 0's/);
    const distinctCase = [
      { abbreviation: 'PsA', caseSensitive: true, expansion: 'psoriatic arthritis' },
      { abbreviation: 'PSA', caseSensitive: true, expansion: 'prostate-specific antigen' },
    ];
    expect(problemsOf(file(distinctCase))).toBe('');
  });

  it('rejects unknown keys in entries and senses', () => {
    expect(problemsOf(file([{ abbreviation: 'X', expansion: 'x', sense: 'y' }]))).toMatch(/entries\[0]/);
    expect(problemsOf(file([{ abbreviation: 'X', senses: [{ expansion: 'a', cue: ['b'] }, { expansion: 'c' }] }]))).toMatch(
      /entries\[0]\.senses\[0]/,
    );
  });
});
