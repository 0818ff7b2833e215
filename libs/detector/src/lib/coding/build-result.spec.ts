import { DetectionResultSchema, assertEvidenceOffsets, type DetectionOptions } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { fixtureCodingModel, runCodingStages } from '../__fixtures__/coding.js';
import { buildDetectionResult, dropContradictedWithoutComplications } from './build-result.js';
import { CANDIDATE_FEATURES } from './code-candidates.js';
import type { CodingModel } from './coding-model.js';
import { excludes1CheckerFrom } from './excludes-conflicts.js';
import { EMPTY_CALIBRATION } from './learned-data.js';

const coding = fixtureCodingModel();
const NOTE = ['Chief complaint: low back pain, no headache.', 'Assessment:', 'Type 2 diabetes.', 'Low back pain.'].join('\r\n');

function detect(text: string, options: DetectionOptions = {}, model: CodingModel = coding) {
  return buildDetectionResult(runCodingStages(text, model), model, options);
}

const codesOf = (result: { codes: readonly { code: string }[] }) => result.codes.map((proposal) => proposal.code);

describe('buildDetectionResult', () => {
  it('fills the result contract, with exact evidence offsets', () => {
    const result = detect(NOTE, { includeMentions: true });
    expect(() => DetectionResultSchema.parse(result)).not.toThrow();
    expect(() => assertEvidenceOffsets(NOTE, result)).not.toThrow();
    expect(result).toMatchObject({ schemaVersion: 1, terminology: { system: 'ICD-10-CM', version: 'FY2026' }, documentLength: NOTE.length });
  });

  it('proposes billable codes best first, each with its evidence in text order, rationale and alternatives', () => {
    const result = detect(NOTE);
    expect(codesOf(result)).toEqual(['M54.50', 'E11.9']);
    const [pain] = result.codes;
    expect(pain).toMatchObject({ title: 'Low back pain, unspecified', billable: true, rationale: 'Index: Pain > low back' });
    expect(pain.evidence.map((evidence) => [evidence.text, evidence.section])).toEqual([
      ['low back pain', 'chief_complaint'],
      ['Low back pain', 'assessment'],
    ]);
    expect(pain.score).toBeCloseTo(1 - 0.55 ** 2, 3);
    expect(pain.alternatives).toEqual([{ code: 'M54.59', title: 'Other low back pain', score: 0.2 }]);
  });

  it('caps a score below certainty however many mentions agree', () => {
    const result = detect(Array.from({ length: 12 }, () => 'Low back pain.').join('\n'));
    expect(result.codes[0].score).toBe(0.99);
    expect(result.codes[0].evidence).toHaveLength(12);
  });

  it('is empty for empty text', () => {
    expect(detect('', { includeMentions: true })).toMatchObject({ documentLength: 0, codes: [], mentions: [] });
  });
});

describe('buildDetectionResult: options', () => {
  it('drops codes below the calibration threshold, or below minScore when the request sets one', () => {
    const strict = fixtureCodingModel({ calibration: { ...EMPTY_CALIBRATION, threshold: 0.6 } });
    expect(codesOf(detect(NOTE, {}, strict))).toEqual(['M54.50']);
    expect(codesOf(detect(NOTE, { minScore: 0 }, strict))).toEqual(['M54.50', 'E11.9']);
    expect(codesOf(detect(NOTE, { minScore: 0.9 }))).toEqual([]);
  });

  it('codes only mentions in the selected sections', () => {
    const result = detect(NOTE, { sections: ['assessment'], includeMentions: true });
    expect(codesOf(result)).toEqual(['E11.9', 'M54.50']);
    expect(result.codes.find((proposal) => proposal.code === 'M54.50')?.evidence.map((evidence) => evidence.section)).toEqual(['assessment']);
    const outside = result.mentions.find((mention) => mention.section === 'chief_complaint' && mention.text === 'low back pain');
    expect(outside).toMatchObject({ coded: false, reason: 'outside the selected sections' });
    expect(codesOf(detect(NOTE, { sections: ['plan'] }))).toEqual([]);
  });

  it('returns mentions only when asked, each with its assertion, candidates and verdict', () => {
    expect(detect(NOTE).mentions).toEqual([]);
    const { mentions } = detect(NOTE, { includeMentions: true });
    expect(mentions.map((mention) => [mention.text, mention.coded, mention.reason])).toEqual([
      ['low back pain', true, 'affirmed'],
      ['headache', false, 'negated'],
      ['Type 2 diabetes', true, 'affirmed'],
      ['Low back pain', true, 'affirmed'],
    ]);
    expect(mentions[1].assertion.negated).toBe(true);
    expect(mentions[1].candidates.map((candidate) => candidate.code)).toEqual(['R51.9']);
  });

  it('codes a probable diagnosis as established only in an inpatient setting, and never a negated one', () => {
    const note = 'Assessment: probable type 2 diabetes. No headache.';
    expect(codesOf(detect(note))).toEqual([]);
    expect(codesOf(detect(note, { setting: 'outpatient' }))).toEqual([]);
    const inpatient = detect(note, { setting: 'inpatient', includeMentions: true });
    expect(codesOf(inpatient)).toEqual(['E11.9']);
    expect(inpatient.mentions.map((mention) => [mention.text, mention.assertion.uncertain, mention.coded, mention.reason])).toEqual([
      ['type 2 diabetes', true, true, 'uncertain, coded as established (inpatient): affirmed'],
      ['headache', false, false, 'negated'],
    ]);
    expect(detect(note, { includeMentions: true }).mentions[0]).toMatchObject({ coded: false, reason: 'uncertain' });
  });

  it('says why an affirmed mention was left out: below the threshold', () => {
    const { mentions } = detect('Type 2 diabetes.', { minScore: 0.9, includeMentions: true });
    expect(mentions[0]).toMatchObject({ coded: false, reason: expect.stringMatching(/below the score threshold/) });
  });
});

describe('buildDetectionResult: ranking and conflicts', () => {
  it('keeps the better-supported of two codes an Excludes1 note keeps apart when they read the same words', () => {
    const weights = CANDIDATE_FEATURES.map((name) => (name === 'bestScore' ? 10 : 0));
    const ranker = { features: [...CANDIDATE_FEATURES], means: weights.map(() => 0), scales: weights.map(() => 1), weights, bias: -4 };
    const ranked = fixtureCodingModel({ calibration: { ...EMPTY_CALIBRATION, ranker } });
    expect(codesOf(detect('Low back pain.', {}, ranked))).toEqual(['M54.50', 'M54.59']);
    const conflicting = excludes1CheckerFrom((a, b) => [a, b].sort().join(' ') === 'M54.50 M54.59');
    expect(codesOf(detect('Low back pain.', {}, { ...ranked, excludes1: conflicting }))).toEqual(['M54.50']);
  });

  it('keeps both codes of an Excludes1 note when separate mentions state them, as separately documented conditions', () => {
    const conflicting = excludes1CheckerFrom((a, b) => [a, b].sort().join(' ') === 'E11.9 M54.50');
    expect(codesOf(detect(NOTE, {}, { ...coding, excludes1: conflicting }))).toEqual(['M54.50', 'E11.9']);
  });

  it('scores every supported code with the fitted ranker, alternatives included', () => {
    const weights = CANDIDATE_FEATURES.map((name) => (name === 'bestScore' ? 10 : 0));
    const ranker = { features: [...CANDIDATE_FEATURES], means: weights.map(() => 0), scales: weights.map(() => 1), weights, bias: -4 };
    const ranked = fixtureCodingModel({ calibration: { ...EMPTY_CALIBRATION, ranker } });
    const result = detect('Low back pain.', {}, ranked);
    expect(codesOf(result)).toEqual(['M54.50', 'M54.59']);
    expect(result.codes[0].score).toBeCloseTo(1 / (1 + Math.exp(-(10 * 0.45 - 4))), 3);
    expect(codesOf(detect('Low back pain.'))).toEqual(['M54.50']);
  });
});

describe('dropContradictedWithoutComplications', () => {
  const proposal = (code: string, title: string) => ({ code, title, billable: true, score: 0.5, evidence: [{ begin: 0, end: 1, text: 'x', section: null }], rationale: '', alternatives: [] });

  it('drops a "without complications" code once its category credibly reports a complication', () => {
    const kept = dropContradictedWithoutComplications(
      [
        proposal('E11.9', 'Type 2 diabetes mellitus without complications'),
        proposal('E11.22', 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
        proposal('I10', 'Essential (primary) hypertension'),
      ],
      0.3,
    );
    expect(kept.map((entry) => entry.code)).toEqual(['E11.22', 'I10']);
  });

  it('keeps it when nothing else in its category is proposed, or only faintly', () => {
    const faint = { ...proposal('E11.8', 'Type 2 diabetes mellitus with unspecified complications'), score: 0.01 };
    const kept = dropContradictedWithoutComplications([proposal('E11.9', 'Type 2 diabetes mellitus without complications'), faint, proposal('E78.5', 'Hyperlipidemia, unspecified')], 0.3);
    expect(kept.map((entry) => entry.code)).toEqual(['E11.9', 'E11.8', 'E78.5']);
  });
});
