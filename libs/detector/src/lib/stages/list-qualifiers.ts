/**
 * Which list separators of a sentence part two conditions. The classification writes a
 * condition's qualifiers after commas ("Major depressive disorder, recurrent, moderate", "kidney
 * disease, chronic"), and notes copy it; a comma before one qualifier word, the end of its item,
 * parts nothing, and a match may run over it. A comma before a condition ("COPD, asthma") or
 * before several words ("COPD, atrial fibrillation") still ends a list item.
 */
import type { Sentence } from '../detector-doc.js';
import { type TokenWords, WORD_FLAGS } from '../dictionary/word-stem-ids.js';

export function separatorsBetweenConditions(words: TokenWords, sentence: Sentence, separators: readonly number[], standaloneStems: Uint8Array): readonly number[] {
  let kept: number[] | null = null;
  for (let i = 0; i < separators.length; i += 1) {
    const separator = separators[i];
    const beforeQualifier = precedesQualifier(words, sentence, separator, standaloneStems);
    if (beforeQualifier && kept === null) kept = separators.slice(0, i);
    else if (!beforeQualifier && kept !== null) kept.push(separator);
  }
  return kept ?? separators;
}

/**
 * Whether the item after `separator` is one word that names no condition alone, or such a word
 * and a number ("stage 3"), followed by another separator or the sentence end. A preposition may
 * lead the word, as the classification writes "Opioid dependence, in remission".
 */
function precedesQualifier(words: TokenWords, sentence: Sentence, separator: number, standaloneStems: Uint8Array): boolean {
  let word = separator + 1;
  if (word + 1 < sentence.tokenEnd && isQualifierPreposition(words, word) && !isNumber(words, word + 1)) word += 1;
  if (word >= sentence.tokenEnd || (words.wordOf[word] & (WORD_FLAGS.matchable | WORD_FLAGS.listSeparator)) !== WORD_FLAGS.matchable) return false;
  let after = word + 1;
  if (after < sentence.tokenEnd && isNumber(words, after)) after += 1;
  if (after < sentence.tokenEnd && !words.isListSeparator(after) && (words.wordOf[after] & WORD_FLAGS.matchable) !== 0) return false;
  const { stemPool, stemsFrom, stemsTo } = words;
  if (stemsFrom[word] === stemsTo[word]) return false;
  for (let i = stemsFrom[word]; i < stemsTo[word]; i += 1) if (standaloneStems[stemPool[i]] === 1) return false;
  return true;
}

/** Words that may lead a qualifier in the classification's own titles: "in remission", "on dialysis", "at rest". */
const QUALIFIER_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'at']);

function isQualifierPreposition(words: TokenWords, index: number): boolean {
  return !words.isListSeparator(index) && QUALIFIER_PREPOSITIONS.has(words.normalAt(index));
}

/** A number token: matchable, yet its normal is digits ("3"), which is all a stage or type adds. */
function isNumber(words: TokenWords, index: number): boolean {
  const stem = words.stemAt(index);
  return stem !== null && /^\d+$/.test(stem);
}
