import { describe, expect, it } from 'vitest';
import type { DictionaryEntry } from '../dictionary/term-dictionary.js';
import type { SentenceMatch } from '../dictionary/sentence-matcher.js';
import { runStages, stagesThrough } from '../pipeline.js';
import { withClassificationCommas } from './verbatim-commas.js';

const TEXT = 'Alcohol use disorder, severe, in early remission.';
const doc = runStages(TEXT, stagesThrough('tokenize'));
/** Token indexes of the words of TEXT, by word. */
const at = (word: string) => doc.tokens.findIndex((token) => token.text === word);

function match(display: string, words: string[], crossesList: boolean, source: DictionaryEntry['source'] = 'inclusion'): SentenceMatch {
  return { entry: { display, source } as DictionaryEntry, tokens: words.map(at), crossesList, width: words.length };
}

describe('withClassificationCommas', () => {
  const whole = match('Inclusion term: Alcohol use disorder, severe, in early remission', ['Alcohol', 'use', 'disorder', 'severe', 'early', 'remission'], true);
  const narrower = match('Inclusion term: Alcohol use disorder, severe', ['Alcohol', 'use', 'disorder', 'severe'], true);
  const other = match('Index: Remission', ['remission'], false, 'index');

  it('reads a term the text spells out, commas and all, as one phrase that hides its narrower readings', () => {
    const read = withClassificationCommas([whole, narrower, other], doc);
    expect(read.map((found) => [found.entry.display, found.crossesList])).toEqual([[whole.entry.display, false]]);
  });

  it('reads a title whose qualifiers the text writes out one by one, with commas the title lacks, as one phrase', () => {
    const text = 'Major depressive disorder, recurrent, severe without psychotic features.';
    const spelled = runStages(text, stagesThrough('tokenize'));
    const tokens = spelled.tokens.filter((token) => token.kind === 'word').map((token) => token.index);
    const title = { entry: { display: 'Title: Major depressive disorder, recurrent severe without psychotic features', source: 'title' } as DictionaryEntry, tokens, crossesList: true, width: tokens.length };
    expect(withClassificationCommas([title], spelled).map((found) => found.crossesList)).toEqual([false]);
  });

  it('leaves a term whose wording the text does not spell out, and an Index path, as they were', () => {
    const reordered = match('Title: Severe alcohol use disorder, in early remission', ['Alcohol', 'use', 'disorder', 'severe', 'early', 'remission'], true, 'title');
    const indexPath = match('Index: Disorder, alcohol use, severe, in early remission', ['Alcohol', 'use', 'disorder', 'severe', 'early', 'remission'], true, 'index');
    expect(withClassificationCommas([reordered, indexPath, other], doc)).toEqual([reordered, indexPath, other]);
  });
});
