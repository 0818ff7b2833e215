import type { CodeProposal } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { parseCodeFirstDefaults, withCodeFirstDefaults, type CodeFirstDefault } from './code-first-defaults.js';

const summaries: Record<string, { title: string; billable: boolean }> = {
  'A41.9': { title: 'Sepsis, unspecified organism', billable: true },
  A41: { title: 'Other sepsis', billable: false },
};
const terminology = { summary: (code: string) => (summaries[code] ? { code, ...summaries[code] } : null) } as never;

const rules: CodeFirstDefault[] = parseCodeFirstDefaults(
  { rules: [{ codePrefixes: ['R65.2'], satisfiedBy: ['A40', 'A41', 'B37.7'], defaultCode: 'A41.9' }] },
  terminology,
);

const proposal = (code: string, score: number, begin = 0): CodeProposal => ({
  code,
  title: code,
  billable: true,
  score,
  evidence: [{ begin, end: begin + 12, text: 'septic shock', section: 'assessment' }],
  rationale: '',
  alternatives: [],
});

describe('withCodeFirstDefaults', () => {
  it('proposes the default underlying condition right before the code that asks for it, on its evidence and score', () => {
    const codes = withCodeFirstDefaults([proposal('J18.9', 0.9, 40), proposal('R65.21', 0.6)], rules);
    expect(codes.map((code) => code.code)).toEqual(['J18.9', 'A41.9', 'R65.21']);
    expect(codes[1]).toMatchObject({ title: 'Sepsis, unspecified organism', score: 0.6, evidence: codes[2].evidence, billable: true });
    expect(codes[1].rationale).toMatch(/^Code first note of R65.21:/);
  });

  it('adds nothing where the note names the underlying condition, or where nothing asks for one', () => {
    expect(withCodeFirstDefaults([proposal('R65.21', 0.6), proposal('A41.51', 0.5)], rules).map((code) => code.code)).toEqual(['R65.21', 'A41.51']);
    expect(withCodeFirstDefaults([proposal('B37.7', 0.6), proposal('R65.20', 0.5)], rules).map((code) => code.code)).toEqual(['B37.7', 'R65.20']);
    expect(withCodeFirstDefaults([proposal('J18.9', 0.9)], rules).map((code) => code.code)).toEqual(['J18.9']);
  });

  it('refuses a rule file whose default is not a billable code of the code set', () => {
    expect(() => parseCodeFirstDefaults({ rules: [{ codePrefixes: ['R65.2'], satisfiedBy: ['A41'], defaultCode: 'A41' }] }, terminology)).toThrow(
      /code-first-defaults\.en\.json: rules\.0\.defaultCode: A41 is not a billable code/,
    );
    expect(() => parseCodeFirstDefaults({ rules: [{ codePrefixes: [], satisfiedBy: ['A41'], defaultCode: 'A41.9' }] }, terminology)).toThrow(/rules\.0\.codePrefixes/);
  });
});
