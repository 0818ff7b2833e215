import { describe, expect, it } from 'vitest';
import {
  isConnectorTitle,
  matchRank,
  normalizedKey,
  normalizeWords,
  parseInstruction,
  parseReference,
  splitInstruction,
  splitLeadingConnector,
  titleForms,
  withoutParentheses,
} from './index-title-matching.js';

describe('normalizeWords', () => {
  it('lower-cases, drops possessives and punctuation, and singularizes', () => {
    expect(normalizeWords("Charcot's Joints")).toEqual(['charcot', 'joint']);
    expect(normalizeWords("Colles' fracture")).toEqual(normalizeWords('Colles fracture'));
    expect(normalizeWords('Kidneys, arteries; boxes')).toEqual(['kidney', 'artery', 'box']);
    expect(normalizeWords('non-insulin dependent')).toEqual(['non', 'insulin', 'dependent']);
  });

  it('leaves words that only look plural alone', () => {
    expect(normalizeWords('abscess arthritis fetus gas')).toEqual(['abscess', 'arthritis', 'fetus', 'gas']);
  });
});

describe('withoutParentheses', () => {
  it('removes nested groups', () => {
    expect(normalizedKey(withoutParentheses('mandible (lower jaw (bone)) NEC'))).toBe('mandible nec');
  });
});

describe('titleForms and matchRank', () => {
  it('ranks the whole title 0 and listed variants 1', () => {
    const diabetes = titleForms('Diabetes, diabetic', '(mellitus) (sugar)');
    expect(matchRank(normalizedKey('Diabetes, diabetic'), diabetes)).toBe(0);
    expect(matchRank(normalizedKey('Diabetes'), diabetes)).toBe(1);
    expect(matchRank(normalizedKey('diabetic'), diabetes)).toBe(1);
    expect(matchRank(normalizedKey('vision'), titleForms('vision, visual', ''))).toBe(1);
  });

  it('ranks 2 once nonessential words or NEC/NOS are set aside', () => {
    const diabetes = titleForms('Diabetes, diabetic', '(mellitus) (sugar)');
    expect(matchRank(normalizedKey('diabetes mellitus'), diabetes)).toBe(2);
    expect(matchRank(normalizedKey('basilar'), titleForms('basilar NEC', ''))).toBe(1);
    expect(matchRank(normalizedKey('in schistosomiasis'), titleForms('in', '(due to) schistosomiasis (bilharziasis)'))).toBe(2);
  });

  it('ranks 3 for parts of qualified titles, dropped connectors, first words and abbreviations', () => {
    const traumatic = titleForms('Fracture, traumatic', '(abduction)');
    expect(traumatic.variants).toEqual([]);
    expect(matchRank(normalizedKey('Fracture'), traumatic)).toBe(3);
    expect(matchRank(normalizedKey('subacute'), titleForms('acute, subacute', ''))).toBe(3);
    expect(matchRank(normalizedKey('heart failure'), titleForms('with heart failure', ''))).toBe(3);
    expect(matchRank(normalizedKey('heart failure'), titleForms('without heart failure', ''))).toBeUndefined();
    expect(matchRank(normalizedKey('Gait'), titleForms('Gait abnormality', ''))).toBe(3);
    expect(matchRank(normalizedKey('E. coli'), titleForms('Escherichia coli', '(E. coli)'))).toBe(3);
    expect(matchRank(normalizedKey('TIA'), titleForms('transient ischemic', '(TIA)'))).toBe(3);
  });

  it('does not match unrelated text or a nonessential modifier alone', () => {
    const myocardium = titleForms('myocardium, myocardial', '(acute) (with stated duration of 4 weeks or less)');
    expect(matchRank(normalizedKey('acute'), myocardium)).toBeUndefined();
    expect(matchRank(normalizedKey('heart'), myocardium)).toBeUndefined();
    expect(matchRank('', myocardium)).toBeUndefined();
  });
});

describe('connectors', () => {
  it('recognizes connector titles and leading connectors', () => {
    expect(isConnectorTitle('with')).toBe(true);
    expect(isConnectorTitle('Due to')).toBe(true);
    expect(isConnectorTitle('type 2')).toBe(false);
    expect(splitLeadingConnector('with heart failure')).toEqual({ connector: 'with', rest: 'heart failure' });
    expect(splitLeadingConnector('associated with pregnancy')).toEqual({ connector: 'associated with', rest: 'pregnancy' });
    expect(splitLeadingConnector('heart failure')).toBeUndefined();
  });
});

describe('splitInstruction and parseInstruction', () => {
  it('splits a coding instruction off a title', () => {
    expect(splitInstruction('poorly controlled - code to Diabetes, by type, with hyperglycemia')).toEqual({
      title: 'poorly controlled',
      instruction: 'code to Diabetes, by type, with hyperglycemia',
    });
    expect(splitInstruction('sequelae -- code to injury with seventh character S').title).toBe('sequelae');
    expect(splitInstruction('Osler-Rendu disease')).toEqual({ title: 'Osler-Rendu disease' });
  });

  it('follows instructions that name an Index entry and only those', () => {
    expect(parseInstruction('code to Diabetes, by type, with hyperglycemia')).toMatchObject({
      kind: 'index',
      parts: ['Diabetes', 'with hyperglycemia'],
      insertAt: 1,
    });
    expect(parseInstruction('code by site under Dislocation')).toMatchObject({ kind: 'index', parts: ['Dislocation'], insertAt: 1 });
    expect(parseInstruction('code to type of diabetes').kind).toBe('instruction');
    expect(parseInstruction('omit code').kind).toBe('instruction');
  });
});

describe('parseReference', () => {
  it('splits an Index path and marks where the coder’s specifics go', () => {
    expect(parseReference('Infarct, myocardium')).toEqual({
      written: 'Infarct, myocardium',
      kind: 'index',
      parts: ['Infarct', 'myocardium'],
      insertAt: 2,
    });
    expect(parseReference('Hernia, by site, with obstruction')).toMatchObject({ parts: ['Hernia', 'with obstruction'], insertAt: 1 });
    expect(parseReference('Contact, with, by type of machine')).toMatchObject({ parts: ['Contact', 'with'], insertAt: 2 });
    expect(parseReference('Abortion by type complicated by embolism')).toMatchObject({
      parts: ['Abortion complicated by embolism'],
      insertAt: 1,
    });
  });

  it('cleans the stray prefixes and trailing commas the data has', () => {
    expect(parseReference('Arteriosclerosis, coronary (artery),').parts).toEqual(['Arteriosclerosis', 'coronary (artery)']);
    expect(parseReference('also Disorder, soft tissue').parts).toEqual(['Disorder', 'soft tissue']);
    expect(parseReference('- Narcolepsy').parts).toEqual(['Narcolepsy']);
  });

  it('classifies references that lead out of the Index', () => {
    expect(parseReference('condition').kind).toBe('condition');
    expect(parseReference('condition, chromosome 21').kind).toBe('condition');
    expect(parseReference('Neoplasm,  malignant, by site').kind).toBe('neoplasm-table');
    expect(parseReference('Table of Neoplasms').kind).toBe('neoplasm-table');
    expect(parseReference('Table of Drugs and Chemicals, by drug, poisoning').kind).toBe('drug-table');
    expect(parseReference('categories T17 and').kind).toBe('category');
    expect(parseReference('E08-E13 with .22').kind).toBe('category');
  });

  it('notes a reference into the other Index', () => {
    expect(parseReference('Index to Diseases and Injuries, Complication(s)')).toMatchObject({
      kind: 'index',
      targetSource: 'index',
      parts: ['Complication(s)'],
    });
    expect(parseReference('Index to External Causes of Injury, Perpetrator').targetSource).toBe('eindex');
  });
});
