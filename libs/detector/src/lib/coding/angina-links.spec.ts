import type { CodeProposal } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { linkAngina, loadAnginaLinks, parseAnginaLinks } from './angina-links.js';

const links = loadAnginaLinks({ isBillable: () => true });
const THRESHOLD = 0.2;

function proposal(code: string, score: number, begin: number): CodeProposal {
  return { code, title: `title of ${code}`, billable: true, score, evidence: [{ begin, end: begin + 5, text: 'xxxxx', section: null }], rationale: `read ${code}`, alternatives: [] };
}

const link = (proposals: CodeProposal[]) => linkAngina(proposals, links, THRESHOLD, (code) => ({ title: `title of ${code}`, billable: true }));
const codes = (proposals: CodeProposal[]) => link(proposals).codes.map((found) => found.code);

describe('linkAngina', () => {
  it('codes coronary atherosclerosis with angina as their combination, in place of both', () => {
    expect(codes([proposal('I25.10', 0.8, 0), proposal('I20.0', 0.6, 30), proposal('E78.5', 0.7, 60)])).toEqual(['I25.110', 'E78.5']);
    expect(codes([proposal('I25.10', 0.5, 0), proposal('I20.9', 0.9, 30)])).toEqual(['I25.119']);
    expect(codes([proposal('I25.10', 0.5, 0), proposal('I20.89', 0.4, 30)])).toEqual(['I25.118']);
  });

  it('prefers the kind the data lists first where the note names several: unstable angina', () => {
    expect(codes([proposal('I25.10', 0.8, 0), proposal('I20.9', 0.7, 30), proposal('I20.0', 0.6, 60)])).toEqual(['I25.110']);
  });

  it('gives the combination the better score, both spans as evidence, both codes as alternatives, and names what it folded', () => {
    const linked = link([proposal('I25.10', 0.5, 40), proposal('I20.0', 0.9, 0)]);
    expect(linked.codes[0]).toMatchObject({ code: 'I25.110', score: 0.9, evidence: [{ begin: 0 }, { begin: 40 }] });
    expect(linked.codes[0].rationale).toMatch(/linked with I20\.0 .*I\.C\.9\.b/);
    expect(linked.codes[0].alternatives.map((alternative) => alternative.code)).toEqual(['I25.10', 'I20.0']);
    expect(linked.folded).toEqual(['I25.10', 'I20.0']);
  });

  it('links nothing without both, or with a faint one below the credible score', () => {
    expect(codes([proposal('I25.10', 0.8, 0)])).toEqual(['I25.10']);
    expect(codes([proposal('I20.0', 0.8, 0)])).toEqual(['I20.0']);
    expect(codes([proposal('I25.10', 0.8, 0), proposal('I20.0', 0.1, 30)])).toEqual(['I25.10', 'I20.0']);
  });

  it('leaves out a combination the loaded code set does not bill, and refuses a malformed file naming it', () => {
    const small = loadAnginaLinks({ isBillable: (code) => code !== 'I25.110' });
    expect(linkAngina([proposal('I25.10', 0.8, 0), proposal('I20.0', 0.6, 30)], small, THRESHOLD, () => ({ title: 't', billable: true })).codes.map((found) => found.code)).toEqual(['I25.10', 'I20.0']);
    expect(() => parseAnginaLinks({ atherosclerosisCodes: ['I25.10'], anginaCombinations: [{ angina: 'I20', combination: 'I2511' }] }, { isBillable: () => true })).toThrow(/angina-links\.en\.json: anginaCombinations\.0\.combination/);
  });
});
