import { assertSpanOffsets } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { PROGRESS_NOTE } from '../__fixtures__/notes.js';
import { StageOrderError, createDetectorDoc } from '../detector-doc.js';
import type { Expansion } from '../detector-doc.js';
import { runStages, stagesThrough } from '../pipeline.js';
import { loadDefaultRules } from '../rules/detector-rules.js';
import { expandAbbreviations, isUpperCaseDocument } from './expand-abbreviations.js';

const deps = { rules: loadDefaultRules() };

function expansionsOf(text: string): readonly Expansion[] {
  return runStages(text, stagesThrough('expand-abbreviations')).expansions;
}

/** The expansion chosen for the first abbreviation written `written` in `text`. */
function senseOf(text: string, written: string): string | undefined {
  return expansionsOf(text).find((expansion) => expansion.text === written)?.expansion;
}

describe('expand-abbreviations: ambiguous abbreviations', () => {
  it.each([
    ['PE:\nLungs clear, heart RRR.', 'physical examination'],
    ['PE\nGeneral: NAD', 'physical examination'],
    ['Pt with PE, started on heparin after CTA.', 'pulmonary embolism'],
    ['Saddle PE on CT angiogram.', 'pulmonary embolism'],
    ['PE unremarkable.', 'physical examination'],
  ])('PE in %j is %s', (text, expected) => {
    expect(senseOf(text, 'PE')).toBe(expected);
  });

  it.each([
    ['SpO2 97% on RA.', 'room air'],
    ['RA on methotrexate, joint pain in hands.', 'rheumatoid arthritis'],
    ['Echo: dilated RA and RV.', 'right atrium'],
  ])('RA in %j is %s', (text, expected) => {
    expect(senseOf(text, 'RA')).toBe(expected);
  });

  it.each([
    ['MS on ocrelizumab, new demyelinating lesions on MRI.', 'multiple sclerosis'],
    ['Severe MS with a mean gradient of 12 on echo; rheumatic valve.', 'mitral stenosis'],
    ['Given MS 4 mg IV q4h prn pain.', 'morphine sulfate'],
    ['Altered MS since yesterday, now at baseline.', 'mental status'],
  ])('MS in %j is %s', (text, expected) => {
    expect(senseOf(text, 'MS')).toBe(expected);
  });

  it('falls back to the first sense, and looks at the neighbouring sentences when its own says nothing', () => {
    expect(senseOf('Known PE.', 'PE')).toBe('pulmonary embolism');
    expect(senseOf('On apixaban for a clot.\nPE.\nStable.', 'PE')).toBe('pulmonary embolism');
  });

  it('uses the section: morphine in a medication list', () => {
    expect(senseOf('Medications:\nMS', 'MS')).toBe('morphine sulfate');
  });

  it('marks which expansions came from context', () => {
    const [ra, htn] = expansionsOf('RA, HTN');
    expect(ra.ambiguous).toBe(true);
    expect(htn.ambiguous).toBe(false);
  });
});

describe('expand-abbreviations: matching', () => {
  it('expands the common ones, whatever their case, inside words joined by hyphens too', () => {
    const found = expansionsOf('h/o htn, T2DM, CKD-3, Afib, a-fib, COPD and CHF; c/o SOB and N/V.');
    expect(found.map((expansion) => [expansion.text, expansion.expansion])).toEqual([
      ['h/o', 'history of'],
      ['htn', 'hypertension'],
      ['T2DM', 'type 2 diabetes mellitus'],
      ['CKD', 'chronic kidney disease'],
      ['Afib', 'atrial fibrillation'],
      ['a-fib', 'atrial fibrillation'],
      ['COPD', 'chronic obstructive pulmonary disease'],
      ['CHF', 'congestive heart failure'],
      ['c/o', 'complains of'],
      ['SOB', 'shortness of breath'],
      ['N/V', 'nausea and vomiting'],
    ]);
    expect(found[4].abbreviation).toBe('AFib');
  });

  it('prefers the longest spelling: T2DM over DM, DM2 as type 2', () => {
    expect(senseOf('DM2 on metformin', 'DM2')).toBe('type 2 diabetes mellitus');
    expect(expansionsOf('T2DM').map((expansion) => expansion.text)).toEqual(['T2DM']);
  });

  it('matches only whole words', () => {
    expect(expansionsOf('Chtn, HTNs, mishtn')).toEqual([]);
  });

  it('matches abbreviations that are English words only in capitals', () => {
    expect(expansionsOf('He is as well as can be, all good, or not.')).toEqual([]);
    expect(senseOf('Severe AS, valve area 0.8 on echo.', 'AS')).toBe('aortic stenosis');
    expect(senseOf('Pediatric ALL in remission.', 'ALL')).toBe('acute lymphoblastic leukemia');
  });

  it('distrusts capitals in a document written in capitals', () => {
    const shouting = 'PATIENT IS AS WELL AS EXPECTED. ALL LABS NORMAL. HTN.';
    expect(isUpperCaseDocument(shouting)).toBe(true);
    expect(expansionsOf(shouting).map((expansion) => expansion.text)).toEqual(['HTN']);
    expect(isUpperCaseDocument('HTN, DM, CAD')).toBe(true);
    expect(isUpperCaseDocument(PROGRESS_NOTE)).toBe(false);
    // Read to the end where the capitals come late, and settled early where they cannot.
    expect(isUpperCaseDocument(`Seen today. ${'HTN DM CAD '.repeat(100)}`)).toBe(true);
    expect(isUpperCaseDocument(`${'seen today '.repeat(100)}${'HTN DM CAD '.repeat(100)}`)).toBe(false);
  });

  it('never rewrites the text, and every expansion indexes it', () => {
    const doc = runStages(PROGRESS_NOTE, stagesThrough('expand-abbreviations'));
    expect(doc.text).toBe(PROGRESS_NOTE);
    expect(doc.expansions.length).toBeGreaterThan(10);
    assertSpanOffsets(PROGRESS_NOTE, doc.expansions, 'expansions');
  });
});

describe('expand-abbreviations: definitions in the document', () => {
  it('reads an abbreviation as the document defines it, outranking the dictionary, and not at the definition itself', () => {
    const found = expansionsOf('Parenteral nutrition (PN) was started. PN was stopped.');
    expect(found.map((expansion) => [expansion.text, expansion.expansion, expansion.begin])).toEqual([['PN', 'Parenteral nutrition', 39]]);
  });

  it('expands a short form the dictionary lacks wherever the document uses it after defining it', () => {
    const found = expansionsOf('Takotsubo syndrome (TKS) was diagnosed. The TKS resolved.');
    expect(found.map((expansion) => [expansion.text, expansion.expansion])).toEqual([['TKS', 'Takotsubo syndrome']]);
  });

  it('leaves unexpanded an abbreviation the document defines with words that do not spell it', () => {
    expect(expansionsOf('Her right eye (OD) was red. OD was treated.').filter((expansion) => expansion.text === 'OD')).toEqual([]);
  });
});

describe('expand-abbreviations stage', () => {
  it('refuses to run before tokenize and sectionize', () => {
    expect(() => expandAbbreviations(createDetectorDoc('HTN'), deps)).toThrow(StageOrderError);
  });

  it('handles empty text', () => {
    expect(expansionsOf('')).toEqual([]);
  });
});
