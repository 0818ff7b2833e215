/**
 * Residual deficits of past cerebrovascular events, on the real FY2026 code set with the trained
 * data: the I69 codes exist only there. Codes are asked for at the trained threshold, as a coder
 * would see them.
 */
import type { DetectionResult } from '@icd/contracts';
import { findSourceFiles, loadTerminology, resolveDataDir } from '@icd/terminology';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../create-detector.js';

const haveData = findSourceFiles(resolveDataDir().dir).order !== undefined;
let detector: Detector;

const codesOf = (text: string) => detector.detect(text).codes.map((proposal) => proposal.code);
const withMentions = (text: string): DetectionResult => detector.detect(text, { includeMentions: true });

describe.skipIf(!haveData)('link-sequelae on the real FY2026 terminology', () => {
  beforeAll(async () => {
    detector = createDetector(await loadTerminology());
  });

  it('codes a residual deficit of a past stroke as its sequela (I69.351), not as Z86.73 beside G81.91', () => {
    const codes = codesOf('History of left MCA stroke with residual right hemiparesis.');
    expect(codes).toContain('I69.351');
    expect(codes).not.toContain('Z86.73');
    expect(codes.filter((code) => code.startsWith('G81'))).toEqual([]);
  });

  it('explains both mentions: the deficit is present now and coded as the sequela, the stroke is coded by it', () => {
    const result = withMentions('History of stroke with residual aphasia.');
    const aphasia = result.mentions.find((mention) => mention.text === 'aphasia');
    const stroke = result.mentions.find((mention) => mention.text === 'stroke');
    expect(aphasia).toMatchObject({ coded: true, assertion: { historical: false }, candidates: [{ code: 'I69.320' }] });
    expect(aphasia?.reason).toMatch(/sequela/);
    expect(stroke).toMatchObject({ coded: false, assertion: { historical: true } });
    expect(result.codes.find((proposal) => proposal.code === 'I69.320')?.rationale).toMatch(/^Sequelae \(of\) I63\.9: /);
  });

  it('takes the left side as the non-dominant one where the note does not say, as the guidelines do (I69.354, G81.94)', () => {
    expect(codesOf('PMH: CVA with residual left hemiparesis.')).toContain('I69.354');
    expect(codesOf('Left hemiparesis.')).toContain('G81.94');
    expect(codesOf('Hemiparesis of the left dominant side.')).toContain('G81.92');
  });

  it('reads the link from a cause word only for a past event, and from "post-stroke" on its own', () => {
    expect(codesOf('Hemiparesis due to an old stroke.')).toContain('I69.359');
    expect(codesOf('Post-stroke dysphagia.')).toEqual(expect.arrayContaining(['I69.391', 'R13.10']));
    expect(codesOf('Dysphagia as a late effect of cerebral infarction.')).toEqual(expect.arrayContaining(['I69.391', 'R13.10']));
  });

  it('links nothing for a new deficit, a current stroke, or a past stroke without residuals', () => {
    const newDeficit = codesOf('History of stroke, now presents with new right hemiparesis.');
    expect(newDeficit.filter((code) => code.startsWith('I69'))).toEqual([]);
    expect(newDeficit).toContain('Z86.73');
    const acute = codesOf('Acute ischemic stroke with right hemiparesis.');
    expect(acute.filter((code) => code.startsWith('I69'))).toEqual([]);
    expect(acute).toContain('I63.9');
    const noResiduals = codesOf('History of stroke without residual deficits or hemiparesis.');
    expect(noResiduals).toContain('Z86.73');
    expect(noResiduals.filter((code) => code.startsWith('I69'))).toEqual([]);
  });
});
