import { assertSpanOffsets } from '@icd/contracts';
import { describe, expect, it } from 'vitest';
import { fixtureCodingModel, runCodingStages } from '../__fixtures__/coding.js';
import { StageOrderError, type DetectorDoc } from '../detector-doc.js';
import { runStages, stagesThrough } from '../pipeline.js';
import { loadDefaultRules } from '../rules/detector-rules.js';
import { matchTerms } from './match-terms.js';

const coding = fixtureCodingModel();

function matched(text: string): DetectorDoc {
  return runCodingStages(text, coding, 'match-terms');
}

/** Each mention's text with the codes of its candidate entries. */
function mentionCodes(doc: DetectorDoc): [string, string[]][] {
  return doc.mentions.map((mention, index) => [mention.text, doc.candidates[index].matches.map((match) => coding.dictionary.entries[match.entry].code).sort()]);
}

describe('match-terms', () => {
  it('runs only after tokenize, sectionize and expand-abbreviations, and only with a coding model', () => {
    const rules = loadDefaultRules();
    const tokenized = runStages('Headache.', stagesThrough('tokenize'), { rules });
    expect(() => matchTerms(tokenized, { rules, coding })).toThrow(StageOrderError);
    const ready = runStages('Headache.', stagesThrough('expand-abbreviations'), { rules });
    expect(() => matchTerms(ready, { rules })).toThrow(/needs a coding model/);
  });

  it('turns each group of matches on the same words into one mention with its candidates', () => {
    const doc = matched('Patient reports low back pain.');
    expect(doc.completedStages.at(-1)).toBe('match-terms');
    expect(mentionCodes(doc)).toEqual([['low back pain', ['M545', 'M5450', 'M5459']]]);
    expect(doc.candidates[0].matches.every((match) => match.tokens.length === 3)).toBe(true);
  });

  it('keeps mentions and candidates parallel, with exact offsets, in text order', () => {
    const text = 'Headache.\r\nType 2 diabetes with chronic kidney disease stage 3.';
    const doc = matched(text);
    expect(doc.candidates).toHaveLength(doc.mentions.length);
    assertSpanOffsets(text, doc.mentions, 'mentions');
    expect(doc.mentions.map((mention) => mention.begin)).toEqual([...doc.mentions.map((mention) => mention.begin)].sort((a, b) => a - b));
  });

  it('spans a mention over the words of its most specific match', () => {
    const doc = matched('Type 2 diabetes with chronic kidney disease stage 3.');
    expect(mentionCodes(doc)).toEqual([
      ['Type 2 diabetes with chronic kidney disease', ['E1122']],
      // The combination's own category stays a mention of its own, for the result to settle.
      ['Type 2 diabetes', ['E119']],
      // The Index's stage 3 and the title "Chronic kidney disease, stage 3 (moderate)" of the header N18.3.
      ['chronic kidney disease stage 3', ['N183', 'N1830']],
    ]);
  });

  it('never matches across sentences', () => {
    const doc = matched('Type 2 diabetes. Chronic kidney disease.');
    expect(mentionCodes(doc)).toEqual([
      ['Type 2 diabetes', ['E119']],
      ['Chronic kidney disease', ['N189']],
    ]);
  });

  it('does not bridge a negation between a term\'s words: "without" denies the combination', () => {
    expect(mentionCodes(matched('Type 2 diabetes without chronic kidney disease.'))).toEqual([
      ['Type 2 diabetes', ['E119']],
      ['chronic kidney disease', ['N189']],
    ]);
    expect(mentionCodes(matched('Low back had no pain.'))).toEqual([]);
  });

  it('does not bridge "from" with a Neoplasm Table entry: the site and behaviour on either side are two neoplasms', () => {
    const table = (marker: string, site: string, code: string) => ({ stems: [marker, site], code, source: 'neoplasm' as const, display: `Neoplasm Table: ${site}`, prior: 0.5 });
    const withTable = fixtureCodingModel({
      lexicon: [table('#secondary', 'brain', 'I10'), table('#secondary', 'lung', 'I509'), table('#malignant', 'lung', 'E119'), table('#malignant', 'brain', 'M5450')],
    });
    const doc = runCodingStages('Brain metastasis from lung carcinoma.', withTable, 'match-terms');
    const codes = doc.candidates.flatMap((candidates) => candidates.matches.map((match) => withTable.dictionary.entries[match.entry].code)).sort();
    // Brain secondary (here I10) and lung primary (E119); neither lung secondary nor brain primary.
    expect(codes).toEqual(['E119', 'I10']);
  });

  it('matches a negation word that is a word of the term itself', () => {
    expect(mentionCodes(matched('Type 2 diabetes mellitus without complications.'))).toEqual([['Type 2 diabetes mellitus without complications', ['E119']]]);
  });

  it('reads a number with its letter as the classification writes it, and as the number: "stage 3b" is N18.32 or stage 3', () => {
    expect(mentionCodes(matched('CKD stage 3b. Stage 3 chronic kidney disease.'))).toEqual([
      ['CKD stage 3b', ['N183', 'N1830', 'N1832']],
      ['Stage 3 chronic kidney disease', ['N183', 'N1830']],
    ]);
  });

  it('reads an abbreviation as its expansion, with the abbreviation as the mention', () => {
    expect(mentionCodes(matched('Known HTN.'))).toEqual([['HTN', ['I10']]]);
  });

  it('reads a word as its clinical synonyms too', () => {
    expect(mentionCodes(matched('Chronic renal disease.'))).toEqual([['Chronic renal disease', ['N189']]]);
    expect(mentionCodes(matched('Left distal radius fracture.'))).toEqual([['Left distal radius fracture', ['S52502']]]);
  });

  it('leaves mentions affirmed until assert-context runs', () => {
    const doc = matched('Denies headache.');
    expect(doc.mentions.map((mention) => mention.assertion.negated)).toEqual([false]);
    expect(runCodingStages('Denies headache.', coding, 'assert-context').mentions[0].assertion.negated).toBe(true);
  });

  it('finds nothing in text without conditions', () => {
    expect(matched('').mentions).toEqual([]);
    expect(matched('The patient walked to the clinic.').mentions).toEqual([]);
  });
});
