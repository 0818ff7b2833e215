import { describe, expect, it } from 'vitest';
import { fixtureTerminology } from '../__fixtures__/coding.js';
import { CLINICAL_SYNONYMS } from './clinical-synonyms.js';
import { MORPHOLOGY_MARKERS } from './neoplasm-markers.js';
import { contentStems, stemOf } from './stems.js';
import { buildTermDictionary } from './term-dictionary.js';
import { NEGATION_WORDS, type TokenWords, WORD_FLAGS, WordStemIds, wordStems } from './word-stem-ids.js';
import { loadDefaultRules } from '../rules/detector-rules.js';
import { tokenizeText } from '../stages/tokenize.js';
import { NO_SPELLING_ID, type Token } from '../detector-doc.js';

describe('wordStems', () => {
  it('gives a word\'s stem, then its morphology marker, then its synonyms', () => {
    const carcinoma = stemOf('carcinoma') as string;
    expect(wordStems('carcinoma')).toEqual([carcinoma, MORPHOLOGY_MARKERS.get(carcinoma)]);
    const [word, synonyms] = [...CLINICAL_SYNONYMS].find(([stem]) => !stem.includes(' ')) as [string, string[]];
    expect(wordStems(word).slice(1)).toEqual(synonyms.filter((synonym) => synonym !== word));
  });

  it('gives nothing for a word without content', () => {
    expect(wordStems('unspecified')).toEqual([]);
  });
});

describe('WordStemIds', () => {
  const dictionary = buildTermDictionary(fixtureTerminology());

  it('numbers the stems the dictionary knows, in order, and leaves out the rest', () => {
    const words = new WordStemIds(dictionary);
    const [radius, fracture] = [stemOf('radius') as string, stemOf('fracture') as string];
    expect(words.number([radius, 'zebra', fracture])).toEqual([dictionary.stemIds.get(radius), dictionary.stemIds.get(fracture)]);
    expect(words.of('fractures')).toEqual([dictionary.stemIds.get(fracture)]);
    expect(words.of('zebra')).toEqual([]);
    expect(words.of('fractured')).toBe(words.of('fractured'));
    expect(words.size).toBe(3);
  });
});

describe('WordStemIds.ofPhrase', () => {
  it('numbers the content stems of a phrase, and remembers the answer', () => {
    const dictionary = buildTermDictionary(fixtureTerminology());
    const words = new WordStemIds(dictionary);
    expect(words.ofPhrase('fracture of the radius')).toEqual(words.number(contentStems('fracture of the radius')));
    expect(words.ofPhrase('fracture of the radius')).toBe(words.ofPhrase('fracture of the radius'));
    expect(words.ofPhrase('fracture of the radius').length).toBe(2);
  });
});

describe('WordStemIds.stemOf', () => {
  it('gives what stemOf gives', () => {
    const words = new WordStemIds(buildTermDictionary(fixtureTerminology()));
    for (const word of ['fractures', 'unspecified', 'c.', 'ii', ',']) expect(words.stemOf(word)).toBe(stemOf(word));
  });
});

describe('WordStemIds.entriesOf', () => {
  /** The stem numbers of each token, read from the packed tables. */
  const stemIdsOf = (words: TokenWords) => words.wordOf.map((_, index) => [...words.stemPool.subarray(words.stemsFrom[index], words.stemsTo[index])]);

  it('gives each token the stems of its normal, and reuses the answer for the same token list', () => {
    const words = new WordStemIds(buildTermDictionary(fixtureTerminology()));
    const tokens = tokenizeText('Radius fractures, unspecified.').tokens;
    const entries = words.entriesOf(tokens);
    expect(stemIdsOf(entries)).toEqual(tokens.map((token) => words.of(token.normal)));
    expect(tokens.map((_, index) => entries.idsAt(index))).toEqual(tokens.map((token) => words.of(token.normal)));
    expect(tokens.map((_, index) => entries.stemAt(index))).toEqual(tokens.map((token) => stemOf(token.normal)));
    expect(words.entriesOf(tokens)).toBe(entries);
    expect(words.entriesOf([...tokens])).not.toBe(entries);
  });

  it('flags list separators, organization heads that are words, and words or numbers', () => {
    const words = new WordStemIds(buildTermDictionary(fixtureTerminology()));
    const tokens = tokenizeText('Pain unit, 3 and (x).').tokens;
    const flags = words.entriesOf(tokens).wordOf.map((word) => word & 7);
    const { listSeparator, organizationHead, matchable } = WORD_FLAGS;
    expect(flags).toEqual([matchable, organizationHead | matchable, listSeparator, matchable, listSeparator | matchable, 0, matchable, 0, 0]);
  });

  it('remembers words by spelling number, and reads a number again when it comes with another word', () => {
    const words = new WordStemIds(buildTermDictionary(fixtureTerminology()));
    const [fracture] = tokenizeText('fracture').tokens;
    expect(words.entriesOf([fracture]).idsAt(0)).toEqual(words.of('fracture'));
    // Once the tokenizer numbers afresh, the same number may name another word.
    const renumbered: Token = { ...fracture, text: 'radius', normal: 'radius' };
    expect(stemIdsOf(words.entriesOf([renumbered]))).toEqual([words.of('radius')]);
    expect(stemIdsOf(words.entriesOf([{ ...fracture }]))).toEqual([words.of('fracture')]);
  });

  it('reads a token without a spelling number by its normal', () => {
    const words = new WordStemIds(buildTermDictionary(fixtureTerminology()));
    const [fracture, radius] = tokenizeText('fracture radius').tokens;
    words.entriesOf([fracture]);
    const unnumbered: Token = { ...radius, spellingId: NO_SPELLING_ID };
    expect(stemIdsOf(words.entriesOf([fracture, unnumbered]))).toEqual([words.of('fracture'), words.of('radius')]);
  });
});

describe('NEGATION_WORDS', () => {
  it('are single-word negation triggers of the shipped ConText rules, so matching and assertion agree on what denies', () => {
    const triggers = new Set(loadDefaultRules().context.rules.filter((rule) => rule.category === 'NEGATED_EXISTENCE').map((rule) => rule.literal));
    expect([...NEGATION_WORDS].filter((word) => !triggers.has(word))).toEqual([]);
  });
});
