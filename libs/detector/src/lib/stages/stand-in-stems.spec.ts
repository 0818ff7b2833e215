import { describe, expect, it } from 'vitest';
import { fixtureCodingModel } from '../__fixtures__/coding.js';
import { wordStemIdsOf } from '../dictionary/word-stem-ids.js';
import { runStages, stagesThrough } from '../pipeline.js';
import { standInStems } from './stand-in-stems.js';

const coding = fixtureCodingModel();
const words = wordStemIdsOf(coding.dictionary);

/** Each stand-in as [text from its first token to its end, its stems]. */
function standIns(text: string): [string, readonly number[]][] {
  const doc = runStages(text, stagesThrough('expand-abbreviations'));
  const { stems, ends } = standInStems(doc, words);
  return [...stems.entries()].map(([token, ids]) => [text.slice(doc.tokens[token].begin, ends.get(token)), ids]);
}

describe('standInStems', () => {
  it('reads an abbreviation as its expansion, over the whole abbreviation', () => {
    expect(standIns('Known HTN.')).toEqual([['HTN', words.ofPhrase('hypertension')]]);
  });

  it('joins a number and the letter written against it where the dictionary knows the pair, keeping the number', () => {
    expect(standIns('CKD stage 3b.').map(([text, ids]) => [text, ids])).toEqual([
      ['CKD', words.ofPhrase('chronic kidney disease')],
      ['3b', [...words.ofPhrase('3b'), ...words.of('3')]],
    ]);
    expect(words.ofPhrase('3b').length).toBe(1);
  });

  it('leaves a number alone before a space, before a longer word, or where the pair is unknown', () => {
    expect(standIns('Stage 3 b. Took 3mg. Stage 3x.')).toEqual([]);
  });
});
