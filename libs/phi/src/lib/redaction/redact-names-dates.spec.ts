import { describe, expect, it } from 'vitest';
import { redactPhi } from './redact.js';

function found(text: string, options?: Parameters<typeof redactPhi>[1]): string[] {
  return redactPhi(text, options).spans.map((span) => `${span.type}:${text.slice(span.begin, span.end)}`);
}

describe('dates: finer than the year is redacted, the year is kept', () => {
  it.each([
    ['DOB: 03/15/1961', 'DOB: [DATE]/1961'],
    ['seen 3/5/21 in clinic', 'seen [DATE]/21 in clinic'],
    ['on 03-15-2021.', 'on [DATE]-2021.'],
    ['on 11.17.2022.', 'on [DATE].2022.'],
    ['Admitted 2021-03-15.', 'Admitted 2021-[DATE].'],
    ['On March 3, 2021 she fell.', 'On [DATE], 2021 she fell.'],
    ['Mar. 3rd, 2021', '[DATE], 2021'],
    ['3 March 2021', '[DATE] 2021'],
    ['the 3rd of March, 2021', 'the [DATE], 2021'],
    ['15-MAR-2021', '[DATE]-2021'],
    ['since June 2019', 'since [DATE] 2019'],
    ["in Jan '21", "in [DATE] '21"],
    ['flu shot 10/2023', 'flu shot [DATE]/2023'],
    ['DOB: 19850315', 'DOB: 1985[DATE]'],
    ['Symptoms since March 3.', 'Symptoms since [DATE].'],
    ['last seen on 3/15.', 'last seen on [DATE].'],
  ])('%s', (text, expected) => {
    expect(redactPhi(text, { referenceYear: 2025 }).text).toBe(expected);
  });

  it('redacts the year too when it reveals an age over 89', () => {
    const text = 'DOB: 03/15/1935. Born in 1935; born in 1936. DOB 4/5/31. Seen March 3, 1936.';
    expect(redactPhi(text, { referenceYear: 2025 }).text).toBe(
      'DOB: [DATE]. Born in [DATE]; born in 1936. DOB [DATE]. Seen [DATE], 1936.',
    );
  });

  it('redacts a date of birth with a two-digit year whole: the year cannot show an age under 90', () => {
    const text = "DOB: 8/16/22. D.O.B. Oct '18. Date of birth: Nov 14, 80. DOB: Nov. 14th, 1980. Seen 3/5/21.";
    expect(redactPhi(text, { referenceYear: 2025 }).text).toBe('DOB: [DATE]. D.O.B. [DATE]. Date of birth: [DATE]. DOB: [DATE], 1980. Seen [DATE]/21.');
  });

  it('redacts the whole date with keepYear: false', () => {
    expect(redactPhi('On March 3, 2021 and 2021-03-15.', { keepYear: false }).text).toBe('On [DATE] and [DATE].');
  });

  it('keeps years alone, scores, ratios, ranges and versions', () => {
    for (const text of ['Quit in 2015.', 'Pain 5/10, Apgar 8/9.', 'BP 120/80.', 'Walks 2-3 blocks.', 'EF 35-40%.', 'May be worse.']) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('ages: over 89 are redacted, 89 and under kept', () => {
  it.each([
    ['A 92-year-old man', '92'],
    ['92 year old', '92'],
    ['she is 95 yo', '95'],
    ['101 y/o', '101'],
    ['Age: 93.', '93'],
    ['aged 90,', '90'],
    ['a ninety-two-year-old woman', 'ninety-two'],
    ['woman in her 90s', '90s'],
  ])('%s', (text, value) => {
    expect(found(text)).toEqual([`AGE_OVER_89:${value}`]);
  });

  it('keeps ages up to 89 and numbers that are not ages', () => {
    for (const text of ['An 89-year-old man', '67 yo', 'Age: 45', 'Weight 92 kg', 'SpO2 95%', 'age 95.5 percentile']) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('names', () => {
  it.each([
    ['Patient: John A. Smith', 'John A. Smith'],
    ['Patient Name: SMITH, JOHN', 'SMITH, JOHN'],
    ["Name: Siobhan O'Brien", "Siobhan O'Brien"],
    ['Seen by Dr. Priya Raman today', 'Priya Raman'],
    ['Mrs. Ramirez-Lopez is better', 'Ramirez-Lopez'],
    ['Electronically signed by: Jane Doe, MD', 'Jane Doe'],
    ['-- Kenji Yamamoto PA-C 14:02', 'Kenji Yamamoto'],
    ['History from her daughter Maria.', 'Maria'],
    ['accompanied by her husband, Oluwaseun Achebe.', 'Oluwaseun Achebe'],
    ['Emergency contact: Zainab Haddad (sister)', 'Zainab Haddad'],
    ['Discussed with Michael Brennan at length.', 'Michael Brennan'],
  ])('%s', (text, name) => {
    expect(found(text)).toContain(`NAME:${name}`);
  });

  it('finds the other mentions of a name found once', () => {
    const text = 'Patient: Gunnar Eriksen\nHPI: Gunnar reports that ERIKSEN family history is negative.';
    expect(redactPhi(text).text).toBe('Patient: [NAME]\nHPI: [NAME] reports that [NAME] family history is negative.');
    expect(redactPhi(text, { propagateNames: false }).text).toContain('Gunnar reports');
  });

  it('keeps clinical eponyms: Parkinson disease, Crohn, Hodgkin, tetralogy of Fallot', () => {
    const text =
      "History of Parkinson disease, Crohn's disease, Hodgkin lymphoma, Wolff-Parkinson-White syndrome, " +
      'tetralogy of Fallot, Guillain-Barre syndrome, Bell palsy; Glasgow Coma Scale 15; Murphy sign negative.';
    expect(found(text)).toEqual([]);
  });

  it('redacts an eponym with a title as a person (Dr. Parkinson), but not the disease beside it', () => {
    const text = "Dr. Parkinson follows his Parkinson's disease.";
    expect(redactPhi(text).text).toBe("Dr. [NAME] follows his Parkinson's disease.");
  });

  it('keeps departments, headers and capitalised clinical words after cues', () => {
    for (const text of [
      'Follow up with Neurology. Discussed with Oncology. Seen by Physical Therapy.',
      'Mother: breast cancer. Father Type 2 DM. Son is a nurse.',
      'Patient: 67 yo male. Takes MS Contin 15 mg.',
      'MR moderate, MS flare, CC: Chest pain.',
    ]) {
      expect(found(text).filter((span) => span.startsWith('NAME:')), text).toEqual([]);
    }
  });
});
