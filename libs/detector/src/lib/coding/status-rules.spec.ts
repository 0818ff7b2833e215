import type { CodeProposal } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import data from '../../data/status-rules.en.json' with { type: 'json' };
import { contentStems } from '../dictionary/stems.js';
import { keepSupportedStatusCodes, parseStatusRules, statusEntryDrafts, withoutDrugDiagnoses } from './status-rules.js';

const billable = (codes: readonly string[]) => ({ isBillable: (code: string) => codes.includes(code) });
const EVERY_CODE = { isBillable: () => true };

function proposal(code: string): CodeProposal {
  return { code, title: code, billable: true, score: 0.5, evidence: [], rationale: '', alternatives: [] };
}

const RULES = parseStatusRules(
  {
    rules: [
      { code: 'Z79.4', label: 'Long-term drug therapy', phrases: ['insulin'], requiresCodePrefixes: ['E11'], excludesCodePrefixes: ['E10'] },
      { code: 'Z79.01', label: 'Long-term drug therapy', phrases: ['warfarin', 'oral anticoagulants'] },
    ],
  },
  EVERY_CODE,
);

describe('parseStatusRules', () => {
  it('reads the shipped rules, every code a well-formed one', () => {
    const rules = parseStatusRules(data, EVERY_CODE);
    expect(rules.length).toBe(data.rules.length);
    expect(rules.find((rule) => rule.code === 'Z79.4')).toMatchObject({ requires: expect.arrayContaining(['E11']), excludes: ['E10'] });
  });

  it('leaves out a rule whose code the loaded code set does not bill', () => {
    expect(parseStatusRules(data, billable(['Z79.01'])).map((rule) => rule.code)).toEqual(['Z79.01']);
  });

  it('names the file and the entry at fault', () => {
    expect(() => parseStatusRules({ rules: [{ code: 'Z79-4', label: 'x', phrases: ['insulin'] }] }, EVERY_CODE)).toThrow(/status-rules\.en\.json: rules\.0\.code/);
    expect(() => parseStatusRules({ rules: [{ code: 'Z79.4', label: 'x', phrases: [] }] }, EVERY_CODE)).toThrow(/rules\.0\.phrases/);
    expect(() => parseStatusRules({ rules: [{ code: 'Z79.4', label: 'x', phrases: ['a'], drugs: ['b'] }] }, EVERY_CODE)).toThrow(/status-rules\.en\.json/);
  });
});

describe('statusEntryDrafts', () => {
  it('makes one status entry per phrase, undotted, with the phrase in its rationale', () => {
    expect(statusEntryDrafts(RULES)).toEqual([
      { stems: contentStems('insulin'), code: 'Z794', source: 'status', display: 'Long-term drug therapy: insulin', prior: expect.any(Number) },
      { stems: contentStems('warfarin'), code: 'Z7901', source: 'status', display: 'Long-term drug therapy: warfarin', prior: expect.any(Number) },
      { stems: contentStems('oral anticoagulants'), code: 'Z7901', source: 'status', display: 'Long-term drug therapy: oral anticoagulants', prior: expect.any(Number) },
    ]);
  });
});

describe('keepSupportedStatusCodes', () => {
  const codesOf = (codes: string[]) => keepSupportedStatusCodes(codes.map(proposal), RULES).map((kept) => kept.code);

  it('keeps a status code beside the diagnosis its rule asks for', () => {
    expect(codesOf(['E11.9', 'Z79.4'])).toEqual(['E11.9', 'Z79.4']);
  });

  it('drops it without that diagnosis, or beside one the rule excludes', () => {
    expect(codesOf(['I10', 'Z79.4'])).toEqual(['I10']);
    expect(codesOf(['E10.9', 'E11.9', 'Z79.4'])).toEqual(['E10.9', 'E11.9']);
  });

  it('keeps a status code whose rule asks for nothing', () => {
    expect(codesOf(['Z79.01'])).toEqual(['Z79.01']);
  });

  it('holds only a status the note implies by a drug to its rule, not one it states ("long-term use of insulin")', () => {
    const stated = (code: string) => code !== 'Z79.4';
    expect(keepSupportedStatusCodes(['I10', 'Z79.4'].map(proposal), RULES, stated).map((kept) => kept.code)).toEqual(['I10', 'Z79.4']);
  });
});

describe('withoutDrugDiagnoses', () => {
  it('drops a learned phrase that is a drug\'s name alone and codes something else, keeping other phrases and the status code itself', () => {
    const learned = (phrase: string, code: string) => ({ stems: contentStems(phrase), code, source: 'lexicon' as const, display: phrase, prior: 0.5 });
    const lexicon = [learned('insulin', 'E119'), learned('insulin', 'Z794'), learned('diabetes insulin', 'E119'), learned('warfarin', 'I4891')];
    expect(withoutDrugDiagnoses(lexicon, statusEntryDrafts(RULES)).map((draft) => `${draft.display}|${draft.code}`)).toEqual(['insulin|Z794', 'diabetes insulin|E119']);
  });
});
