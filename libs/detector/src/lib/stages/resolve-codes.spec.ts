import { describe, expect, it } from 'vitest';
import { fixtureCodingModel, fixtureTerminology, runCodingStages } from '../__fixtures__/coding.js';
import { parseHistoryRules } from '../coding/history-rules.js';
import { StageOrderError, type MentionResolution } from '../detector-doc.js';
import { loadDefaultRules } from '../rules/detector-rules.js';
import { resolveCodes } from './resolve-codes.js';

const coding = fixtureCodingModel();

/** The resolution of the one mention whose text is `needle`. */
function resolutionOf(text: string, needle: string, model = coding): MentionResolution {
  const doc = runCodingStages(text, model);
  const index = doc.mentions.findIndex((mention) => mention.text === needle);
  if (index < 0) throw new Error(`no mention "${needle}" in: ${doc.mentions.map((mention) => mention.text).join(' | ')}`);
  return doc.resolutions[index];
}

const codesOf = (resolution: MentionResolution) => resolution.codes.map((resolved) => resolved.code);

describe('resolve-codes', () => {
  it('runs only after match-terms and assert-context', () => {
    const doc = runCodingStages('Headache.', coding, 'match-terms');
    expect(() => resolveCodes(doc, { rules: loadDefaultRules(), coding })).toThrow(StageOrderError);
  });

  it('codes a subterm of the Index\'s "History, personal" only for a mention placed in the past', () => {
    const past = resolutionOf('History of malignant neoplasm of breast.', 'malignant neoplasm of breast');
    expect(codesOf(past)).toEqual(['Z85.3']);
    expect(past).toMatchObject({ coded: true, reason: 'personal history' });
    expect(past.codes[0].rationale).toBe('Index: History > personal > malignant neoplasm > breast');
    expect(resolutionOf('Malignant neoplasm of breast.', 'Malignant neoplasm of breast')).toMatchObject({ codes: [], coded: false });
    expect(resolutionOf('Her mother had malignant neoplasm of breast.', 'malignant neoplasm of breast').codes).toEqual([]);
  });

  it('gives every mention a resolution, in order', () => {
    const doc = runCodingStages('Headache and low back pain.', coding);
    expect(doc.resolutions).toHaveLength(doc.mentions.length);
    expect(doc.completedStages.at(-1)).toBe('resolve-codes');
  });

  it('narrows a header by the sentence\'s words to a billable, dotted code, and remembers what matched', () => {
    const resolution = resolutionOf('Left distal radius fracture, subsequent encounter.', 'Left distal radius fracture');
    expect(codesOf(resolution)).toEqual(['S52.502D']);
    expect(resolution.codes[0]).toMatchObject({ matchedCode: 'S52.502', rationale: 'Title: Unspecified fracture of the lower end of left radius' });
  });

  it('narrows by the words of the mention\'s own list item, and by encounter words anywhere in the sentence', () => {
    expect(codesOf(resolutionOf('Hip pain, left distal radius fracture.', 'left distal radius fracture'))).toEqual(['S52.502A']);
    // "Left" belongs to the hip pain, not to the fracture: the fracture falls back to its default.
    expect(codesOf(resolutionOf('Left hip pain, distal radius fracture.', 'distal radius fracture'))).toEqual(codesOf(resolutionOf('Distal radius fracture.', 'Distal radius fracture')));
    expect(codesOf(resolutionOf('Left distal radius fracture, hip pain, subsequent encounter.', 'Left distal radius fracture'))).toEqual(['S52.502D']);
  });

  it('scores a code chosen by default a little lower than one the text chose', () => {
    const byDefault = resolutionOf('Headache.', 'Headache').codes[0];
    expect(byDefault).toMatchObject({ code: 'R51.9', score: 0.5 * 0.9 });
    expect(resolutionOf('Type 2 diabetes.', 'Type 2 diabetes').codes[0]).toMatchObject({ code: 'E11.9', score: 0.5 });
  });

  it('merges the matches that lead to one code, keeping the best score and every entry', () => {
    const [best, other] = resolutionOf('Low back pain.', 'Low back pain').codes;
    expect(best.code).toBe('M54.50');
    expect(best.entries).toHaveLength(2);
    expect(other).toMatchObject({ code: 'M54.59', score: 0.2 });
  });
});

describe('resolve-codes: which mentions are coded', () => {
  it.each([
    ['Patient has a headache.', 'headache', true, 'affirmed'],
    ['Patient denies headache.', 'headache', false, 'negated'],
    ['Call if headache returns.', 'headache', false, 'hypothetical'],
    ['Possible heart attack.', 'heart attack', false, 'uncertain'],
    ['Mother had a heart attack.', 'heart attack', false, 'a relative\'s condition without a family-history code'],
    ['History of heart attack.', 'heart attack', true, 'historical, coded as a persisting condition'],
  ])('%j', (text, needle, coded, reason) => {
    const resolution = resolutionOf(text, needle);
    expect({ coded: resolution.coded, reason: resolution.reason }).toEqual({ coded, reason });
    expect(resolution.codes.length).toBeGreaterThan(0);
  });
});

describe('resolve-codes: history and family-history codes', () => {
  // The fixture code set has one history code: a rule sending heart attacks to it shows the mechanism.
  const historyRules = parseHistoryRules(
    {
      historyRules: [
        { assertion: 'historical', prefixes: ['I21'], code: 'Z85.3' },
        { assertion: 'family', prefixes: ['I21'], code: 'Z85.3' },
      ],
    },
    fixtureTerminology(),
  );
  const withRules = fixtureCodingModel({ historyRules });

  it('codes a past condition as its history code, with a rationale naming the condition', () => {
    const resolution = resolutionOf('History of heart attack.', 'heart attack', withRules);
    expect(resolution).toMatchObject({ coded: true, reason: 'personal history' });
    expect(resolution.codes[0]).toMatchObject({ code: 'Z85.3', matchedCode: 'I21.9', score: 0.5 * 0.85 });
    expect(resolution.codes[0].rationale).toMatch(/^Personal history of I21\.9 \(Index: Attack, attacks > heart\)$/);
  });

  it('codes a relative\'s condition as the family-history code', () => {
    const resolution = resolutionOf('Her mother had a heart attack.', 'heart attack', withRules);
    expect(resolution).toMatchObject({ coded: true, reason: 'family history' });
    expect(resolution.codes[0].rationale).toMatch(/^Family history of I21\.9/);
  });

  it('leaves a current condition as it is', () => {
    expect(codesOf(resolutionOf('Heart attack today.', 'Heart attack', withRules))).toEqual(['I21.9']);
  });

  it('does not code a negated past condition', () => {
    expect(resolutionOf('No history of heart attack.', 'heart attack', withRules)).toMatchObject({ coded: false, reason: 'negated' });
  });

  it('marks an uncertain condition as coded if established, with the reason it would then have', () => {
    expect(resolutionOf('Probable heart attack.', 'heart attack', withRules)).toMatchObject({
      coded: false,
      reason: 'uncertain',
      uncertainOnly: true,
      reasonIfEstablished: 'uncertain, coded as established (inpatient): affirmed',
    });
    expect(resolutionOf('Heart attack today.', 'Heart attack', withRules)).toMatchObject({ coded: true, uncertainOnly: false });
  });

  it('leaves an uncertain condition that is also negated, or a relative\'s without a family code, uncoded in any setting', () => {
    expect(resolutionOf('No sign of a possible heart attack.', 'heart attack', withRules)).toMatchObject({ coded: false, reason: 'negated', uncertainOnly: false });
    expect(resolutionOf('Her mother possibly had a headache.', 'headache', withRules)).toMatchObject({ coded: false, reason: 'uncertain', uncertainOnly: false });
  });
});
