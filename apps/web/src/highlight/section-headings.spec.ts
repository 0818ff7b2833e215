import { describe, expect, it } from 'vitest';
import { findSectionHeadings, findSections } from './section-headings.js';

describe('findSectionHeadings', () => {
  it('finds capitalised, stand-alone and well-known headings with their offsets', () => {
    const text = 'CHIEF COMPLAINT: cough.\nAssessment and Plan:\n1. Asthma.\nPast medical history: COPD.';
    const labels = findSectionHeadings(text).map((heading) => [heading.label, text.slice(heading.begin, heading.end)]);
    expect(labels).toEqual([
      ['CHIEF COMPLAINT', 'CHIEF COMPLAINT'],
      ['Assessment and Plan', 'Assessment and Plan'],
      ['Past medical history', 'Past medical history'],
    ]);
  });

  it('ignores vital signs, times, ordinary sentences and colons mid-line', () => {
    const text = 'BP: 120/80\nSeen at 10:30 today.\nPatient states: feels better.\nPlan is to recheck: soon';
    expect(findSectionHeadings(text)).toEqual([]);
  });
});

describe('findSections', () => {
  it('runs each section to the next heading, the last to the end', () => {
    const text = 'HPI: cough\nPMH: asthma';
    expect(findSections(text).map((section) => [section.label, section.begin, section.sectionEnd])).toEqual([
      ['HPI', 0, 11],
      ['PMH', 11, text.length],
    ]);
  });
});
