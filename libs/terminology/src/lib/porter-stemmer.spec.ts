import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isPlainWord, stemPlainWord } from './porter-stemmer.js';

const require = createRequire(import.meta.url);
const natural = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const SUFFIXES = ['', 's', 'sses', 'ies', 'ed', 'eed', 'ing', 'y', 'ational', 'tional', 'enci', 'izer', 'bli', 'alli', 'eli', 'ization', 'ation', 'ator', 'iveness', 'aliti', 'biliti', 'logi'];
const MORE_SUFFIXES = ['icate', 'ative', 'alize', 'ical', 'ful', 'ness', 'al', 'ance', 'er', 'ic', 'ement', 'ment', 'ent', 'ou', 'ism', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'e', 'll', 'at', 'bl', 'iz'];

function mismatches(words: Iterable<string>): string[] {
  const wrong: string[] = [];
  for (const word of words) if (stemPlainWord(word) !== natural.stem(word)) wrong.push(word);
  return wrong;
}

function* allWords(length: number, prefix = ''): Generator<string> {
  if (prefix.length === length) {
    yield prefix;
    return;
  }
  for (const letter of LETTERS) yield* allWords(length, prefix + letter);
}

describe('stemPlainWord', () => {
  it('stems clinical words as natural does', () => {
    const words = ['hypertension', 'hypertensive', 'diabetes', 'fractures', 'caresses', 'ponies', 'agreed', 'feed', 'hopping', 'filing', 'happy', 'sky', 'relational', 'generalization', 'hopeful', 'goodness', 'electricity', 'adjustment', 'probate', 'controll', 'roll', 'cease', 'syndrome', 'pyelonephritis', 'yy', 'byam', 'xyy', 'rhythm'];
    expect(mismatches(words)).toEqual([]);
    expect(stemPlainWord('hypertension')).toBe('hypertens');
  });

  it('agrees with natural on every word of up to three letters', () => {
    for (let length = 1; length <= 3; length += 1) expect(mismatches(allWords(length))).toEqual([]);
  });

  it('agrees with natural on two-letter stems with every pair of the suffixes its steps test', () => {
    const words: string[] = [];
    for (const stem of ['br', 'ca', 'sy', 'tr', 'oy', 'hopp', 'gen', 'cont']) {
      for (const first of SUFFIXES) for (const second of MORE_SUFFIXES) words.push(stem + first + second, stem + second + first);
    }
    expect(mismatches(words)).toEqual([]);
  });

  it('takes only the letters a to z', () => {
    expect(isPlainWord('fever')).toBe(true);
    expect(['fièvre', 'x-ray', "crohn's", 'b12', 'Fever', ''].filter(isPlainWord)).toEqual([]);
  });
});
