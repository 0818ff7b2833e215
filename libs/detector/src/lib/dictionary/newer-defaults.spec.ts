import type { CodeRecord, CompiledTerminology } from '@icd/terminology';
import { describe, expect, it } from 'vitest';
import { withNewerDefaults } from './newer-defaults.js';
import type { EntryDraft } from './term-dictionary.js';

/** Codes added after the Tabular the project reads: they have no Tabular node. */
const ADDED_LATER = ['K7682'];

/** An Index that names I21.3 and K72.90, the Tabular's I21.9 and a code set that bills them and K76.82, added later. */
const TERMINOLOGY = {
  isBillable: (code: string) => ['I21.3', 'I213', 'I21.9', 'I219', 'F32.9', 'F329', 'F32.A', 'F32A', 'C91.90', 'C9190', 'C91.10', 'C9110', 'K7290', 'K7682', 'G936'].includes(code),
  compiled: { indexTermCodes: ['I213', 'F329', 'C919', 'K7290', null], seeTargetCodes: {} } as unknown as CompiledTerminology,
  lookup: (code: string) => ({ addedAfterTabular: ADDED_LATER.includes(code) }) as unknown as CodeRecord,
};

function draft(source: EntryDraft['source'], code: string, stems: string[], display: string, extra: Partial<EntryDraft> = {}): EntryDraft {
  return { source, code, stems, display, prior: 0.5, ...extra };
}

const MI_INDEX = draft('index', 'I213', ['infarct', 'myocardi'], 'Index: Infarct, infarction > myocardium, myocardial');
const MI_NOS = draft('inclusion', 'I219', ['myocardi', 'infarct'], 'Inclusion term: Myocardial infarction (acute) NOS');

describe('withNewerDefaults', () => {
  it('gives an Index entry the newer code the Tabular names the same words by, and records the move', () => {
    const { drafts, moved } = withNewerDefaults([MI_INDEX, MI_NOS], TERMINOLOGY);
    expect(drafts[0]).toMatchObject({ source: 'index', code: 'I219', display: 'Index: Infarct, infarction > myocardium, myocardial (now Myocardial infarction (acute) NOS)' });
    expect(drafts[1]).toBe(MI_NOS);
    expect([...moved]).toEqual([['I213', ['I219']]]);
  });

  it('moves a learned phrase and an older inclusion term by a newer "..., unspecified" title, but not an "other specified" path', () => {
    const title = draft('title', 'F32A', ['depress'], 'Title: Depression, unspecified');
    const learned = draft('lexicon', 'F329', ['depress'], 'Learned phrase: depress');
    const inclusion = draft('inclusion', 'F329', ['depress'], 'Inclusion term: Depression NOS');
    const specified = draft('index', 'F3289', ['depress'], 'Index: Depression > specified NEC', { notElsewhereClassified: true });
    const { drafts } = withNewerDefaults([title, learned, inclusion, specified], TERMINOLOGY);
    expect(drafts.map((entry) => entry.code)).toEqual(['F32A', 'F32A', 'F32A', 'F3289']);
  });

  it('moves nothing to a code the Index names itself or through a subcategory above it', () => {
    const named = draft('inclusion', 'I213', ['infarct', 'myocardi'], 'Inclusion term: Myocardial infarction NOS');
    const other = draft('index', 'I219', ['infarct', 'myocardi'], 'Index: Infarction');
    expect(withNewerDefaults([other, named], TERMINOLOGY).moved.size).toBe(0);
    const leukemia = draft('inclusion', 'C9190', ['lymphoid', 'leukemia'], 'Inclusion term: Lymphoid leukemia NOS');
    const index = draft('index', 'C9110', ['lymphoid', 'leukemia'], 'Index: Leukemia, lymphoid, chronic');
    expect(withNewerDefaults([index, leukemia], TERMINOLOGY).drafts[0].code).toBe('C9110');
  });

  it('moves an Index entry across categories only to the very title of a code added after the Tabular', () => {
    const hepatic = draft('index', 'K7290', ['encephalopathi', 'hepat'], 'Index: Encephalopathy > hepatic');
    const title = draft('title', 'K7682', ['hepat', 'encephalopathi'], 'Title: Hepatic encephalopathy');
    const { drafts, moved } = withNewerDefaults([hepatic, title], TERMINOLOGY);
    expect(drafts[0]).toMatchObject({ code: 'K7682', display: 'Index: Encephalopathy > hepatic (now Hepatic encephalopathy)' });
    expect([...moved]).toEqual([['K7290', ['K7682']]]);
    // A title the Tabular already had names another axis; a history path reads its own words only.
    const older = draft('title', 'G936', ['hepat', 'encephalopathi'], 'Title: Hepatic encephalopathy');
    expect(withNewerDefaults([hepatic, older], TERMINOLOGY).drafts[0].code).toBe('K7290');
    expect(withNewerDefaults([{ ...hepatic, historyOnly: true }, title], TERMINOLOGY).drafts[0].code).toBe('K7290');
  });

  it('moves nothing across categories or to a code the code set does not bill', () => {
    const elsewhere = draft('index', 'F329', ['infarct', 'myocardi'], 'Index: Infarction');
    expect(withNewerDefaults([elsewhere, MI_NOS], TERMINOLOGY).drafts[0].code).toBe('F329');
    const unbilled = draft('inclusion', 'I2199', ['infarct', 'myocardi'], 'Inclusion term: Infarction NOS');
    expect(withNewerDefaults([MI_INDEX, unbilled], TERMINOLOGY).drafts[0].code).toBe('I213');
  });
});
