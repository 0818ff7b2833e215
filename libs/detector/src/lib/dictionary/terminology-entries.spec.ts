import { describe, expect, it } from 'vitest';
import { createFixtureTerminology, FIXTURE_INDEX_TERM_COUNT } from '@icd/terminology/testing';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { contentStems } from './stems.js';
import { entriesFromTerminology, indexTitleVariants } from './terminology-entries.js';

const drafts = entriesFromTerminology(fixtureTerminology());

/** Drafts with this display, as [stems, code] pairs. */
function find(display: string): [string[], string][] {
  return drafts.filter((draft) => draft.display === display).map((draft) => [draft.stems, draft.code]);
}

describe('indexTitleVariants', () => {
  it('reads a title listing spellings of one word as any one of them', () => {
    expect(indexTitleVariants('Diabetes, diabetic', true)).toEqual(['Diabetes', 'diabetic']);
    expect(indexTitleVariants('myocardium, myocardial', false)).toEqual(['myocardium', 'myocardial']);
    expect(indexTitleVariants('abdomen, abdominal region NEC', false)).toEqual(['abdomen', 'abdominal region NEC']);
  });

  it('keeps the qualifier of a main term unless it is the default reading', () => {
    expect(indexTitleVariants('Fracture, pathological', true)).toEqual(['Fracture pathological']);
    expect(indexTitleVariants('Fracture, traumatic', true)).toEqual(['Fracture']);
    expect(indexTitleVariants('Headache', true)).toEqual(['Headache']);
  });

  it('needs every word of any other subterm', () => {
    expect(indexTitleVariants('with more than three X chromosomes, female', false)).toEqual(['with more than three X chromosomes, female']);
    expect(indexTitleVariants('low back', false)).toEqual(['low back']);
  });
});

describe('entriesFromTerminology: the Index', () => {
  it('makes no entry below a main term of words that name nothing ("Use, inhalants" would be any "inhaled")', () => {
    const first = FIXTURE_INDEX_TERM_COUNT;
    const withUse = createFixtureTerminology([
      { id: first, parent: -1, level: 0, title: 'Use', nemod: '(of)', source: 'index' },
      { id: first + 1, parent: first, level: 1, title: 'hypertension', nemod: '', source: 'index', code: 'I10' },
    ]);
    const useDrafts = entriesFromTerminology(withUse).filter((draft) => draft.display.startsWith('Index: Use'));
    expect(useDrafts).toEqual([]);
    expect(entriesFromTerminology(withUse).some((draft) => draft.display === 'Index: Hypertension, hypertensive')).toBe(true);
  });

  it('reads a subterm of "History, personal" by its own words, for past mentions only', () => {
    const history = drafts.filter((draft) => draft.display === 'Index: History > personal > malignant neoplasm > breast');
    expect(history).toEqual([expect.objectContaining({ stems: contentStems('malignant neoplasm breast'), code: 'Z853', historyOnly: true })]);
    expect(drafts.filter((draft) => draft.historyOnly).every((draft) => draft.display.startsWith('Index: History > personal'))).toBe(true);
  });

  it('gives a subterm the words of its whole path, without "with"', () => {
    expect(find('Index: Diabetes, diabetic > type 2 > with > chronic kidney disease')).toEqual([[contentStems('diabetes type 2 chronic kidney disease'), 'E1122']]);
    expect(find('Index: Disease, diseased > kidney > chronic > stage 3')).toEqual([[contentStems('disease kidney chronic stage 3'), 'N1830']]);
  });

  it('makes one entry per spelling of a subterm, so "myocardial infarction" matches', () => {
    const infarction = find('Index: Infarct, infarction > myocardium, myocardial');
    expect(infarction).toEqual([
      [contentStems('infarct myocardium'), 'I219'],
      [contentStems('infarction myocardial'), 'I219'],
    ]);
  });

  it('follows a see-reference to the code of its target', () => {
    expect(find('Index: Attack, attacks > heart')).toEqual([[contentStems('attack heart'), 'I219']]);
  });

  it('skips terms without a code', () => {
    expect(find('Index: Attack, attacks')).toEqual([]);
    expect(find('Index: Diabetes, diabetic > type 2 > with')).toEqual([]);
  });

  it('gives the Index entries the highest prior', () => {
    const priors = new Map(drafts.map((entry) => [entry.source, entry.prior]));
    expect(priors.get('index')).toBeGreaterThan(priors.get('inclusion') as number);
    expect(priors.get('inclusion')).toBeGreaterThan(priors.get('title') as number);
  });
});

describe('entriesFromTerminology: titles and inclusion terms', () => {
  it('makes an entry of every title above the seventh character', () => {
    expect(find('Title: Hypertensive heart disease with heart failure')).toEqual([[contentStems('hypertensive heart disease heart failure'), 'I110']]);
    expect(find('Title: Unspecified fracture of the lower end of left radius')).toEqual([[contentStems('fracture lower end left radius'), 'S52502']]);
    expect(drafts.filter((entry) => entry.code.length === 7)).toEqual([]);
  });

  it('drops an "other" title whose words are a sibling\'s, and halves the prior of the other "other" titles', () => {
    // "Other low back pain" is just "low back pain", the words of "Low back pain, unspecified".
    expect(drafts.find((entry) => entry.display === 'Title: Other low back pain')).toBeUndefined();
    const unspecified = drafts.find((entry) => entry.display === 'Title: Low back pain, unspecified');
    const other = drafts.find((entry) => entry.display === 'Title: Type 2 diabetes mellitus with other diabetic kidney complication');
    expect(other?.prior).toBe((unspecified?.prior as number) / 2);
  });

  it('lets a title that links conditions with "with" bridge a "with" in the text, as an Index "with" subterm does', () => {
    const linked = drafts.find((entry) => entry.display === 'Title: Hypertensive heart disease with heart failure');
    const plain = drafts.find((entry) => entry.display === 'Title: Hypertensive heart disease');
    expect(linked?.combination).toBe(true);
    expect(plain).toBeDefined();
    expect(plain?.combination).toBeUndefined();
  });

  it('makes an entry of every inclusion term', () => {
    expect(find('Inclusion term: Lumbago NOS')).toEqual([[contentStems('lumbago'), 'M545']]);
    expect(find('Inclusion term: high blood pressure')).toEqual([[contentStems('high blood pressure'), 'I10']]);
  });

  it('leaves no entry without stems or too long, and no Neoplasm Table entry where there is no table', () => {
    expect(drafts.every((entry) => entry.stems.length > 0 && entry.stems.length <= 8)).toBe(true);
    expect(drafts.some((entry) => entry.source === 'neoplasm')).toBe(false);
  });
});
