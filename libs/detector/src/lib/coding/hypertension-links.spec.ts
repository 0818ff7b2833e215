import type { CodeProposal } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { linkHypertension, loadHypertensionLinks, parseHypertensionLinks } from './hypertension-links.js';

const billable = { isBillable: () => true };
const links = loadHypertensionLinks(billable);
const THRESHOLD = 0.2;

function proposal(code: string, score: number, ...begins: number[]): CodeProposal {
  const evidence = begins.map((begin) => ({ begin, end: begin + 5, text: 'xxxxx', section: null }));
  return { code, title: `title of ${code}`, billable: true, score, evidence, rationale: `read ${code}`, alternatives: [] };
}

const link = (proposals: CodeProposal[]) => linkHypertension(proposals, links, THRESHOLD, (code) => ({ title: `title of ${code}`, billable: true }));
const codes = (proposals: CodeProposal[]) => link(proposals).codes.map((found) => found.code);

describe('linkHypertension', () => {
  it('codes hypertension with chronic kidney disease as hypertensive CKD, keeping the stage', () => {
    expect(codes([proposal('I10', 0.9, 0), proposal('N18.30', 0.5, 20)])).toEqual(['I12.9', 'N18.30']);
    expect(codes([proposal('I10', 0.9, 0), proposal('N18.6', 0.5, 20)])).toEqual(['I12.0', 'N18.6']);
  });

  it('codes hypertension with heart failure as hypertensive heart disease with heart failure, and both as I13', () => {
    expect(codes([proposal('I10', 0.9, 0), proposal('I50.9', 0.7, 20)])).toEqual(['I11.0', 'I50.9']);
    expect(codes([proposal('I10', 0.9, 0), proposal('I50.9', 0.7, 20), proposal('N18.4', 0.5, 40)])).toEqual(['I13.0', 'I50.9', 'N18.4']);
    expect(codes([proposal('I10', 0.9, 0), proposal('I50.22', 0.7, 20), proposal('N18.5', 0.5, 40)])).toEqual(['I13.2', 'I50.22', 'N18.5']);
  });

  it('reads what a hypertension code already says: hypertensive heart disease with CKD is I13.10', () => {
    expect(codes([proposal('I11.9', 0.6, 0), proposal('N18.30', 0.5, 20)])).toEqual(['I13.10', 'N18.30']);
  });

  it('gives the combination the hypertension\'s score and evidence, names the linked code and offers the replaced one', () => {
    const { codes: linked, folded } = link([proposal('I10', 0.9, 0, 40), proposal('N18.30', 0.5, 20)]);
    expect(linked[0]).toMatchObject({ code: 'I12.9', score: 0.9, alternatives: [{ code: 'I10', score: 0.9 }] });
    expect(linked[0].evidence.map((span) => span.begin)).toEqual([0, 40]);
    expect(linked.find((found) => found.code === 'N18.30')?.evidence.map((span) => span.begin)).toEqual([20]);
    expect(linked[0].rationale).toMatch(/N18\.30.*I\.C\.9\.a/);
    expect(folded).toEqual(['I10']);
  });

  it('leaves hypertension alone without a credible linked condition', () => {
    expect(codes([proposal('I10', 0.9, 0), proposal('J44.9', 0.8, 20)])).toEqual(['I10', 'J44.9']);
    expect(codes([proposal('I10', 0.9, 0), proposal('N18.30', 0.1, 20)])).toEqual(['I10', 'N18.30']);
    expect(codes([proposal('N18.30', 0.5, 20)])).toEqual(['N18.30']);
    expect(link([proposal('I12.9', 0.9, 0), proposal('N18.30', 0.5, 20)]).folded).toEqual([]);
  });

  it('leaves out a combination the code set does not bill, and rejects a malformed file', () => {
    const withoutI13 = parseHypertensionLinks(
      { hypertensionPrefixes: ['I10'], heartFailurePrefixes: ['I50'], heartDiseasePrefixes: [], kidneyPrefixes: ['N18'], endStageKidneyPrefixes: ['N18.6'], impliedByHypertensionCode: {}, combinations: [{ heart: 'failure', kidney: 'stage1to4', code: 'I13.0' }] },
      { isBillable: (code) => code !== 'I13.0' },
    );
    expect(withoutI13.combinations.size).toBe(0);
    expect(() => parseHypertensionLinks({ hypertensionPrefixes: ['I10'], combinations: [{ heart: 'lungs', kidney: 'none', code: 'I10' }] }, billable)).toThrow(/hypertension-links\.en\.json/);
  });
});
