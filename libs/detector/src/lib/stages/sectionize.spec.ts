import { describe, expect, it } from 'vitest';
import { PROGRESS_NOTE } from '../__fixtures__/notes.js';
import { createDetectorDoc } from '../detector-doc.js';
import { sectionCategoryAt } from '../doc-queries.js';
import { loadDefaultRules } from '../rules/detector-rules.js';
import { buildSections, findSectionHeaders, sectionize } from './sectionize.js';

const deps = { rules: loadDefaultRules() };
const categoriesOf = (text: string) => findSectionHeaders(text, deps.rules.sections).map((header) => header.category);

describe('sectionize on a realistic note', () => {
  const doc = sectionize(createDetectorDoc(PROGRESS_NOTE), deps);

  it('finds every header, in order', () => {
    expect(doc.sections.map((section) => section.category)).toEqual([
      null,
      'chief_complaint',
      'history_of_present_illness',
      'past_medical_history',
      'past_surgical_history',
      'family_history',
      'social_history',
      'medications',
      'allergies',
      'review_of_systems',
      'physical_exam',
      'assessment_and_plan',
      'plan',
    ]);
  });

  it('tiles the text: no gap, no overlap, from 0 to the end', () => {
    expect(doc.sections[0].begin).toBe(0);
    doc.sections.forEach((section, i) => {
      if (i > 0) expect(section.begin).toBe(doc.sections[i - 1].end);
    });
    expect(doc.sections[doc.sections.length - 1].end).toBe(PROGRESS_NOTE.length);
  });

  it('keeps header spans that index the text, and null before the first header', () => {
    expect(doc.sections[0].header).toBeNull();
    for (const section of doc.sections.slice(1)) {
      const header = section.header;
      expect(header).not.toBeNull();
      expect(PROGRESS_NOTE.slice(header?.begin, header?.end)).toBe(header?.text);
    }
    expect(doc.sections.map((section) => section.header?.text)).toContain('HISTORY OF PRESENT ILLNESS');
  });

  it('tags any offset with its section', () => {
    expect(sectionCategoryAt(doc, PROGRESS_NOTE.indexOf('COPD'))).toBe('past_medical_history');
    expect(sectionCategoryAt(doc, PROGRESS_NOTE.indexOf('colon cancer'))).toBe('family_history');
    expect(sectionCategoryAt(doc, PROGRESS_NOTE.indexOf('crackles'))).toBe('physical_exam');
    expect(sectionCategoryAt(doc, PROGRESS_NOTE.indexOf('rounds'))).toBeNull();
  });

  it('records itself', () => {
    expect(doc.completedStages).toEqual(['sectionize']);
  });
});

describe('findSectionHeaders', () => {
  it.each([
    ['PMH: HTN', 'past_medical_history'],
    ['HISTORY OF PRESENT ILLNESS: 45F with cough', 'history_of_present_illness'],
    ['A/P: CHF', 'assessment_and_plan'],
    ['A / P: CHF', 'assessment_and_plan'],
    ['Family history: DM in mother', 'family_history'],
    ['  - Plan: follow up', 'plan'],
    ['1. Discharge diagnoses: pneumonia', 'discharge_diagnoses'],
    ['**Assessment:** stable', 'assessment'],
    ['Past Medical History (PMH): asthma', 'past_medical_history'],
    ['IMPRESSION', 'impression'],
    ['Hospital course:', 'hospital_course'],
    ['Labs: Na 130', 'labs_and_results'],
    ['Review of systems :negative', 'review_of_systems'],
  ])('recognises %j', (line, category) => {
    expect(categoriesOf(`Intro line.\n${line}\nMore text.`)).toEqual([category]);
  });

  it.each([
    'Plan to discharge tomorrow.',
    'Her past medical history: is in the chart.',
    'The family history is unremarkable.',
    'Assessments were done twice.',
    'PEARL pupils',
  ])('does not take %j for a header', (line) => {
    expect(categoriesOf(line)).toEqual([]);
  });

  it('finds headers run on after the end of a sentence, with a colon, as a note typed into one box has them', () => {
    const text = 'CC: chest pain. HPI: 58 yo F with GERD. PMH (past medical history): HLD! Assessment: NSTEMI? Plan: heparin.';
    expect(categoriesOf(text)).toEqual(['chief_complaint', 'history_of_present_illness', 'past_medical_history', 'assessment', 'plan']);
    const headers = findSectionHeaders(text, deps.rules.sections);
    expect(headers.map((header) => text.slice(header.begin, header.end))).toEqual(['CC', 'HPI', 'PMH', 'Assessment', 'Plan']);
    // Within a sentence, or without a colon, a header word is a word.
    expect(categoriesOf('Seen today. Plan to discharge tomorrow. The assessment: stable. Plan for surgery.')).toEqual([]);
  });

  it('ends a family history at a bare "Social:" header, so that the patient\'s habits are not a relative\'s', () => {
    expect(categoriesOf('Family: mother with asthma\nSocial: former smoker')).toEqual(['family_history', 'social_history']);
  });

  it('prefers the longest header', () => {
    expect(categoriesOf('Assessment and plan: rest')).toEqual(['assessment_and_plan']);
  });

  it('handles CR, CRLF and LF line ends alike', () => {
    for (const lineEnd of ['\n', '\r\n', '\r']) {
      expect(categoriesOf(['HPI: cough', 'PMH: none', 'Plan'].join(lineEnd))).toEqual([
        'history_of_present_illness',
        'past_medical_history',
        'plan',
      ]);
    }
  });
});

describe('buildSections', () => {
  it('returns nothing for empty text and one null section for text without headers', () => {
    expect(buildSections('', [])).toEqual([]);
    expect(buildSections('just text', [])).toEqual([{ category: null, begin: 0, end: 9, header: null }]);
  });

  it('starts with the header when the text does', () => {
    const sections = sectionize(createDetectorDoc('PE: normal'), deps).sections;
    expect(sections).toEqual([{ category: 'physical_exam', begin: 0, end: 10, header: { begin: 0, end: 2, text: 'PE' } }]);
  });
});
