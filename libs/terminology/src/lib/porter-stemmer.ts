/**
 * The Porter stemmer of `natural` (lib/natural/stemmers/porter_stemmer.js), step for step, for
 * words of the letters a to z: the same answers, without its regular expressions. `natural` runs
 * about forty regex replacements per word, so a detector that meets a dozen new words per note
 * spent more time stemming them than matching the note. A word with any other character goes to
 * `natural` itself, so that its handling of those stays its own.
 */

/** A word this module stems itself: only the letters a to z. */
const PLAIN_WORD = /^[a-z]+$/;

export function isPlainWord(word: string): boolean {
  return PLAIN_WORD.test(word);
}

function isVowel(char: string): boolean {
  return char === 'a' || char === 'e' || char === 'i' || char === 'o' || char === 'u';
}

const CONSONANT_GROUP = 0;
const VOWEL_GROUP = 1;
/** The groups of the word {@link fillGroups} read last (a word never has more groups than twice its letters). */
let groups = new Uint8Array(64);
let groupCount = 0;

function addGroup(group: number): void {
  // Neighbouring consonant groups are one run of C; vowel groups stay apart ('V' from a 'y', then a vowel run).
  if (group === CONSONANT_GROUP && groupCount > 0 && groups[groupCount - 1] === CONSONANT_GROUP) return;
  groups[groupCount] = group;
  groupCount += 1;
}

/**
 * `natural`'s categorizeGroups into {@link groups}: token.replace(/[^aeiouy]+y/g, 'CV'), then
 * .replace(/[aeiou]+/g, 'V') and .replace(/[^V]+/g, 'C'), one group at a time.
 */
function fillGroups(token: string): void {
  if (groups.length < 2 * token.length) groups = new Uint8Array(2 * token.length);
  groupCount = 0;
  for (let i = 0; i < token.length; ) {
    if (isVowel(token[i])) {
      while (i < token.length && isVowel(token[i])) i += 1;
      addGroup(VOWEL_GROUP);
    } else if (token[i] === 'y') {
      addGroup(CONSONANT_GROUP);
      i += 1;
    } else {
      let end = i;
      while (end < token.length && !isVowel(token[end]) && token[end] !== 'y') end += 1;
      addGroup(CONSONANT_GROUP);
      if (token[end] === 'y') {
        addGroup(VOWEL_GROUP);
        end += 1;
      }
      i = end;
    }
  }
}

/** Whether a group of {@link groups} before `end` is a vowel group. */
function hasVowelGroupBefore(end: number): boolean {
  for (let i = 0; i < end; i += 1) if (groups[i] === VOWEL_GROUP) return true;
  return false;
}

/** `natural`'s categorizeChars: one C or V per character, a 'y' after a consonant a vowel. */
function categorizeChars(token: string): string {
  let chars = '';
  for (let i = 0; i < token.length; i += 1) {
    if (!isVowel(token[i]) && token[i] !== 'y' && token[i + 1] === 'y') {
      chars += 'CV';
      i += 1;
    } else {
      chars += isVowel(token[i]) ? 'V' : 'C';
    }
  }
  return chars;
}

/** `natural`'s measure (groups without a leading C and a trailing V, halved); null and '' measure -1, and the answer may be a half. */
function measure(token: string | null): number {
  if (!token) return -1;
  fillGroups(token);
  let length = groupCount;
  if (groups[0] === CONSONANT_GROUP) length -= 1;
  if (length > 0 && groups[groupCount - 1] === VOWEL_GROUP) length -= 1;
  return length / 2;
}

/** `natural`'s attemptReplace for a plain suffix: null when the token does not end with it, or nothing is left. */
function replaceSuffix(token: string, suffix: string, replacement: string): string | null {
  if (!token.endsWith(suffix)) return null;
  return token.slice(0, token.length - suffix.length) + replacement || null;
}

type Replacement = readonly [suffix: string, replacement: string];

/** `natural`'s attemptReplacePatterns: each test reads the original token, each replacement the result so far. */
function replacePatterns(token: string, replacements: readonly Replacement[], measureThreshold: number | null): string {
  let replaced = token;
  for (const [suffix, replacement] of replacements) {
    if (measureThreshold === null || measure(replaceSuffix(token, suffix, '')) > measureThreshold) replaced = replaceSuffix(replaced, suffix, replacement) ?? replaced;
  }
  return replaced || token;
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2);
  if (token.substr(-1) === 's' && token.substr(-2, 1) !== 's' && token.length > 2) return token.slice(0, -1);
  return token;
}

function step1b(token: string): string {
  if (token.substr(-3) === 'eed') return measure(token.substr(0, token.length - 3)) > 0 ? token.slice(0, -1) : token;
  const suffix = token.endsWith('ed') ? 2 : token.endsWith('ing') ? 3 : 0;
  const stripped = suffix === 0 ? '' : token.slice(0, -suffix);
  return (stripped && afterEdOrIng(stripped)) || token;
}

/** The callback `natural` runs on a word stripped of 'ed' or 'ing'; null when the rest has no vowel. */
function afterEdOrIng(token: string): string | null {
  fillGroups(token);
  if (!hasVowelGroupBefore(groupCount)) return null;
  const replaced = replacePatterns(
    token,
    [
      ['at', 'ate'],
      ['bl', 'ble'],
      ['iz', 'ize'],
    ],
    null,
  );
  if (replaced !== token) return replaced;
  const last = token[token.length - 1];
  if (token.length >= 2 && last === token[token.length - 2] && !isVowel(last) && last !== 'l' && last !== 's' && last !== 'z') return token.slice(0, -1);
  if (measure(token) === 1 && categorizeChars(token).substr(-3) === 'CVC' && last !== 'w' && last !== 'x' && last !== 'y') return `${token}e`;
  return token;
}

function step1c(token: string): string {
  if (token.substr(-1) !== 'y') return token;
  fillGroups(token);
  return hasVowelGroupBefore(groupCount - 1) ? `${token.slice(0, -1)}i` : token;
}

const STEP2: readonly Replacement[] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['abli', 'able'], ['bli', 'ble'], ['alli', 'al'],
  ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];

const STEP3: readonly Replacement[] = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];

const STEP4_SUFFIXES = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

/** /^(.+?)(al|...|ize)$/: the shortest stem (at least a letter) left by one of the suffixes, or '' when none ends the token. */
function step4Stem(token: string): string {
  let stemLength = token.length;
  for (const suffix of STEP4_SUFFIXES) {
    if (suffix.length < token.length && token.length - suffix.length < stemLength && token.endsWith(suffix)) stemLength = token.length - suffix.length;
  }
  return stemLength < token.length ? token.slice(0, stemLength) : '';
}

function step4(token: string): string {
  const stem = step4Stem(token);
  if (measure(stem) > 1) return stem;
  const ion = token.length >= 5 && (token.endsWith('sion') || token.endsWith('tion')) ? token.slice(0, -3) : '';
  return measure(ion) > 1 ? ion : token;
}

function step5a(token: string): string {
  const withoutE = token.endsWith('e') ? token.slice(0, -1) : token;
  const m = measure(withoutE);
  return m > 1 || (m === 1 && !endsCvcNotWxy(token)) ? withoutE : token;
}

/** categorizeChars(token).substr(-4, 3) === 'CVC' && /[^wxy].$/.test(token) */
function endsCvcNotWxy(token: string): boolean {
  const beforeLast = token[token.length - 2];
  return categorizeChars(token).substr(-4, 3) === 'CVC' && token.length >= 2 && beforeLast !== 'w' && beforeLast !== 'x' && beforeLast !== 'y';
}

function step5b(token: string): string {
  return measure(token) > 1 && token.endsWith('ll') ? token.slice(0, -1) : token;
}

/** `natural`'s PorterStemmer.stem of a word of the letters a to z ({@link isPlainWord}). */
export function stemPlainWord(word: string): string {
  if (word.length < 3) return word;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(word))))))));
}

function step2(token: string): string {
  return replacePatterns(token, STEP2, 0);
}

function step3(token: string): string {
  return replacePatterns(token, STEP3, 0);
}
