import { describe, expect, it } from 'vitest';
import { fixtureDetector } from '../__fixtures__/coding.js';
import type { Detector } from '../create-detector.js';
import { CANDIDATE_FEATURES, candidateFeatures, collectCodeCandidates, createCodePriors } from './code-candidates.js';
import { EMPTY_CALIBRATION, calibrationKey } from './learned-data.js';

const detector = fixtureDetector();
const TEXT = 'Low back pain.\nAssessment: low back pain, no headache.\nType 2 diabetes.';
const { doc } = detector.detectWithDoc(TEXT);
const candidates = collectCodeCandidates(doc, () => true);

/** The named features of `code` in TEXT for `on` (the untrained fixture detector by default). */
function featuresOf(code: string, on: Detector = detector): Record<string, number> {
  const candidate = (on === detector ? candidates : collectCodeCandidates(on.detectWithDoc(TEXT).doc, () => true)).get(code);
  if (!candidate) throw new Error(`no candidate ${code}`);
  const values = candidateFeatures(on.coding, candidate);
  return Object.fromEntries(CANDIDATE_FEATURES.map((name, i) => [name, values[i]]));
}

describe('collectCodeCandidates', () => {
  it('gathers every code a coded mention supports, first choices and alternatives, and nothing from a negated one', () => {
    expect([...candidates.keys()].sort()).toEqual(['E11.9', 'M54.50', 'M54.59']);
  });

  it('counts the mentions behind a code, where it was their first choice, and combines their scores', () => {
    const pain = candidates.get('M54.50');
    expect(pain).toMatchObject({ mentions: 2, firstChoice: 2, firstPosition: 0 });
    expect(pain?.missed).toBeCloseTo((1 - 0.45) ** 2, 12);
    expect(pain?.best).toMatchObject({ code: 'M54.50', score: 0.45, matchedCode: 'M54.5' });
    expect(candidates.get('M54.59')).toMatchObject({ mentions: 2, firstChoice: 0 });
  });

  it('keeps one evidence span per mention, with its section, and the alternatives beside each code', () => {
    const pain = candidates.get('M54.50');
    expect(pain?.evidence).toEqual([
      { begin: 0, end: 13, text: 'Low back pain', section: null },
      { begin: 27, end: 40, text: 'low back pain', section: 'assessment' },
    ]);
    expect(pain?.sections).toEqual(new Set([null, 'assessment']));
    expect([...(pain?.alternatives ?? [])]).toEqual([['M54.59', 0.2]]);
    expect([...(candidates.get('M54.59')?.alternatives ?? [])]).toEqual([['M54.50', 0.45]]);
  });

  it('counts only the mentions `include` accepts', () => {
    const inAssessment = collectCodeCandidates(doc, (mention) => mention.section === 'assessment');
    expect(inAssessment.get('M54.50')?.mentions).toBe(1);
    expect(inAssessment.get('M54.50')?.firstPosition).toBeCloseTo(27 / TEXT.length, 12);
    expect(collectCodeCandidates(doc, () => false).size).toBe(0);
  });
});

describe('candidateFeatures', () => {
  it('gives one number per named feature', () => {
    for (const candidate of candidates.values()) expect(candidateFeatures(detector.coding, candidate)).toHaveLength(CANDIDATE_FEATURES.length);
  });

  it('describes the support a code has in the document', () => {
    expect(featuresOf('M54.50')).toMatchObject({
      bestScore: 0.45,
      logMentions: Math.log1p(2),
      firstChoiceShare: 1,
      logEntries: Math.log1p(2),
      fromIndex: 1,
      fromTitle: 1,
      fromInclusion: 0,
      fromLexicon: 0,
      inDiagnosticSection: 1,
      symptomChapter: 0,
      historyCode: 0,
      firstPosition: 0,
    });
    expect(featuresOf('M54.50').noisyOr).toBeCloseTo(1 - 0.55 ** 2, 12);
    expect(featuresOf('M54.59')).toMatchObject({ firstChoiceShare: 0, fromIndex: 0, fromTitle: 0, fromLexicon: 1 });
  });

  it('says whether the code was narrowed from the matched one and how much of its title the mentions state', () => {
    // "Low back pain" is matched as the header M54.5 and narrowed to M54.50, "Low back pain, unspecified".
    expect(featuresOf('M54.50')).toMatchObject({ narrowed: 1, titleCoverage: 1, historicalShare: 0 });
    // "Type 2 diabetes" states type, 2 and diabet of "Type 2 diabetes mellitus without complications".
    expect(featuresOf('E11.9')).toMatchObject({ narrowed: 0, titleCoverage: 3 / 6 });
  });

  it('gives the share of supporting mentions placed in the past', () => {
    const history = detector.detectWithDoc('History of type 2 diabetes.\nType 2 diabetes.').doc;
    const candidate = collectCodeCandidates(history, () => true).get('E11.9');
    if (!candidate) throw new Error('no candidate E11.9');
    expect(candidateFeatures(detector.coding, candidate)[CANDIDATE_FEATURES.indexOf('historicalShare')]).toBe(0.5);
  });

  it('uses what training learned about the code, neutral values without it', () => {
    expect(featuresOf('E11.9')).toMatchObject({ codeGoldRate: Math.log(0.5 / 1), codePrecision: 0.5, inDiagnosticSection: 1 });
    const entryKey = calibrationKey(detector.coding.dictionary.entries[candidates.get('E11.9')?.best.entries[0] as number]);
    const trained = fixtureDetector({
      calibration: { source: 'test', documents: 9, entries: { [entryKey]: [4, 3] }, codes: { 'E11.9': [4, 3] }, goldFrequency: { 'E11.9': 5 }, threshold: 0 },
    });
    const features = featuresOf('E11.9', trained);
    expect(features.bestScore).toBeCloseTo((3 + 2 * 0.5) / (4 + 2), 12);
    expect(features.codeGoldRate).toBeCloseTo(Math.log(5.5 / 10), 12);
    expect(features.codePrecision).toBeCloseTo(4 / 6, 12);
  });
});

describe('createCodePriors', () => {
  const calibration = { ...EMPTY_CALIBRATION, documents: 9, codes: { 'R51.9': [3, 1] as [number, number] }, goldFrequency: { 'R51.9': 4, 'R51.0': 2 } };
  const titles: Record<string, string> = { 'R51.9': 'Headache, unspecified' };
  const priorsOf = createCodePriors(calibration, new Set(['Z85.3']), (code) => titles[code]);

  it('says what training learned of a code and its category, and what its chapter, history rules and title say', () => {
    expect(priorsOf('R51.9')).toEqual({
      codeGoldRate: Math.log(4.5 / 10),
      codePrecision: 2 / 5,
      symptomChapter: 1,
      historyCode: 0,
      categoryGoldRate: Math.log(6.5 / 10),
      titleStems: ['headach'],
    });
    expect(priorsOf('Z85.3')).toEqual({
      codeGoldRate: Math.log(0.5 / 10),
      codePrecision: 1 / 2,
      symptomChapter: 0,
      historyCode: 1,
      categoryGoldRate: Math.log(0.5 / 10),
      titleStems: [],
    });
  });

  it('lends a code new to training the gold rate of its category', () => {
    expect(priorsOf('R51.8').codeGoldRate).toBe(Math.log(0.5 / 10));
    expect(priorsOf('R51.8').categoryGoldRate).toBe(Math.log(6.5 / 10));
  });

  it('works a code out once', () => {
    expect(priorsOf('R51.9')).toBe(priorsOf('R51.9'));
  });
});
