import type { CodeProposal } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { linkPresumed, loadPresumedLinks, parsePresumedLinks } from './presumed-links.js';

const rules = loadPresumedLinks({ isBillable: () => true });
const THRESHOLD = 0.2;

function proposal(code: string, score: number, begin: number): CodeProposal {
  return { code, title: `title of ${code}`, billable: true, score, evidence: [{ begin, end: begin + 5, text: 'xxxxx', section: null }], rationale: `read ${code}`, alternatives: [] };
}

const link = (proposals: CodeProposal[], using = rules) => linkPresumed(proposals, using, THRESHOLD, (code) => ({ title: `title of ${code}`, billable: true }));
const codes = (proposals: CodeProposal[]) => link(proposals).codes.map((found) => found.code);

describe('linkPresumed: coronary atherosclerosis with angina (I.C.9.b)', () => {
  it('codes both as their combination, in place of both', () => {
    expect(codes([proposal('I25.10', 0.8, 0), proposal('I20.0', 0.6, 30), proposal('E78.5', 0.7, 60)])).toEqual(['I25.110', 'E78.5']);
    expect(codes([proposal('I25.10', 0.5, 0), proposal('I20.9', 0.9, 30)])).toEqual(['I25.119']);
    expect(codes([proposal('I25.10', 0.5, 0), proposal('I20.89', 0.4, 30)])).toEqual(['I25.118']);
  });

  it('prefers the partner the data lists first where the note names several kinds, and folds them all: unstable angina', () => {
    const linked = link([proposal('I25.10', 0.8, 0), proposal('I20.9', 0.7, 30), proposal('I20.0', 0.6, 60)]);
    expect(linked.codes.map((found) => found.code)).toEqual(['I25.110']);
    expect(linked.folded).toEqual(['I25.10', 'I20.9', 'I20.0']);
  });

  it('gives the combination the better score, both spans as evidence, both codes as alternatives, and names what it folded', () => {
    const linked = link([proposal('I25.10', 0.5, 40), proposal('I20.0', 0.9, 0)]);
    expect(linked.codes[0]).toMatchObject({ code: 'I25.110', score: 0.9, evidence: [{ begin: 0 }, { begin: 40 }] });
    expect(linked.codes[0].rationale).toMatch(/linked with I20\.0: .*I\.C\.9\.b/);
    expect(linked.codes[0].alternatives.map((alternative) => alternative.code)).toEqual(['I25.10', 'I20.0']);
    expect(linked.folded).toEqual(['I25.10', 'I20.0']);
  });
});

describe('linkPresumed: diabetes with chronic kidney disease (I.A.15)', () => {
  it('adds the combination, keeps the stage the combination asks for, and drops only "without complications"', () => {
    expect(codes([proposal('E11.9', 0.9, 0), proposal('N18.4', 0.5, 30)])).toEqual(['E11.22', 'N18.4']);
    expect(codes([proposal('E11.65', 0.8, 0), proposal('N18.30', 0.5, 30)])).toEqual(['E11.65', 'E11.22', 'N18.30']);
    expect(codes([proposal('E10.9', 0.9, 0), proposal('N18.6', 0.5, 30)])).toEqual(['E10.22', 'N18.6']);
  });

  it('adds nothing where the note already has the combination', () => {
    expect(codes([proposal('E11.22', 0.9, 0), proposal('N18.4', 0.5, 30)])).toEqual(['E11.22', 'N18.4']);
  });
});

describe('linkPresumed: what does not link', () => {
  it('needs both, each at least at the credible score', () => {
    expect(codes([proposal('I25.10', 0.8, 0)])).toEqual(['I25.10']);
    expect(codes([proposal('N18.4', 0.8, 0)])).toEqual(['N18.4']);
    expect(codes([proposal('I25.10', 0.8, 0), proposal('I20.0', 0.1, 30)])).toEqual(['I25.10', 'I20.0']);
  });

  it('leaves out a combination the loaded code set does not bill, and refuses a malformed file naming it', () => {
    const small = loadPresumedLinks({ isBillable: (code) => code !== 'I25.110' });
    expect(link([proposal('I25.10', 0.8, 0), proposal('I20.0', 0.6, 30)], small).codes.map((found) => found.code)).toEqual(['I25.10', 'I20.0']);
    expect(() => parsePresumedLinks({ rules: [{ name: 'x', anchors: ['I25.10'], partners: [{ prefix: 'I20', combination: 'I2511' }], keepPartner: false, replaces: [] }] }, { isBillable: () => true })).toThrow(
      /presumed-links\.en\.json: rules\.0\.partners\.0\.combination/,
    );
  });
});
