/**
 * Readings that take their words from other conditions' names: a match is dropped where its words
 * belong to longer names of other conditions, across a separator of a list, or wholly.
 */
import type { DetectorDoc } from '../detector-doc.js';
import type { SentenceMatch } from '../dictionary/sentence-matcher.js';

/**
 * A separator of a list of conditions, and whether it is punctuation. "And" and "or" also
 * coordinate the modifiers of one condition ("periumbilical and hypogastric pain", "manic and
 * depressive episodes"), which a match rightly shares; a comma or semicolon that parts two
 * conditions does not. Nor does an abbreviation lend a modifier of its own across "and": it names
 * one condition whole ("COPD and A-fib" is no chronic atrial fibrillation).
 */
export interface ListSeparator {
  readonly token: number;
  readonly punctuation: boolean;
}

const NO_SEPARATORS: readonly ListSeparator[] = Object.freeze([]);

export function separatorsFor(doc: DetectorDoc, separators: readonly number[]): readonly ListSeparator[] {
  // Most sentences list nothing: they share one empty list rather than each making one.
  if (separators.length === 0) return NO_SEPARATORS;
  return separators.map((token) => ({ token, punctuation: doc.tokens[token].kind === 'punctuation' }));
}

/**
 * Drops a match that runs over a separator parting two conditions to borrow words another match
 * reads on the far side: in "AF, chronic obstructive pulmonary disease" the "chronic" is COPD's,
 * not the fibrillation's (no I48.20), and "... atrial fibrillation; chronic ..." likewise.
 */
export function withoutBorrowedWords(matches: SentenceMatch[], separators: readonly ListSeparator[], doc: DetectorDoc): SentenceMatch[] {
  if (separators.length === 0 || !matches.some((match) => match.crossesList)) return matches;
  // An Index "with" combination links conditions, wherever in the list they stand ("diabetes,
  // obesity and CKD" is E11.22), unless it takes a word of another condition's name.
  return matches.filter(
    (match) => !match.crossesList || (match.entry.combination === true ? !splitsTwoConditions(match, matches, separators) : !borrowsAcross(match, matches, separators, doc)),
  );
}

/**
 * Whether the match reads across an "and" between two conditions, each read by another match on
 * its side, leaping on one side over a word of the name it takes a word from: "aortic stenosis and
 * mitral regurgitation" is no aortic stenosis with insufficiency (I35.2), as the regurgitation
 * is the mitral valve's. A combination that reads the other condition whole stands ("diabetes
 * and CKD" is E11.22).
 */
function splitsTwoConditions(match: SentenceMatch, matches: readonly SentenceMatch[], separators: readonly ListSeparator[]): boolean {
  const first = match.tokens[0];
  const last = match.tokens[match.tokens.length - 1];
  for (const { token: separator, punctuation } of separators) {
    if (punctuation || separator <= first || separator >= last) continue;
    const isBefore = (token: number) => token < separator;
    const isAfter = (token: number) => token > separator;
    const before = match.tokens.filter(isBefore);
    const after = match.tokens.filter(isAfter);
    const cutBefore = readOnOneSide(match, matches, before, isBefore, true);
    const cutAfter = readOnOneSide(match, matches, after, isAfter, true);
    if ((cutBefore && readOnOneSide(match, matches, after, isAfter, false)) || (cutAfter && readOnOneSide(match, matches, before, isBefore, false))) return true;
  }
  return false;
}

/** Whether another match, every word of it on the same side, reads all of `tokens`, and where `cut`, a word there the match leaps over. */
function readOnOneSide(match: SentenceMatch, matches: readonly SentenceMatch[], tokens: readonly number[], onSide: (token: number) => boolean, cut: boolean): boolean {
  const first = match.tokens[0];
  const last = match.tokens[match.tokens.length - 1];
  const leapsOver = (other: SentenceMatch) => other.tokens.some((token) => token > first && token < last && !match.tokens.includes(token));
  return readByAnother(match, matches, tokens, onSide, cut ? leapsOver : () => true);
}

/** Whether another match than `match`, every word of it on the same side, reads all of `tokens` and `also` holds of it. */
function readByAnother(
  match: SentenceMatch,
  matches: readonly SentenceMatch[],
  tokens: readonly number[],
  onSide: (token: number) => boolean,
  also: (other: SentenceMatch) => boolean,
): boolean {
  return matches.some((other) => other !== match && other.tokens.every(onSide) && tokens.every((token) => other.tokens.includes(token)) && also(other));
}

function borrowsAcross(match: SentenceMatch, matches: readonly SentenceMatch[], separators: readonly ListSeparator[], doc: DetectorDoc): boolean {
  const first = match.tokens[0];
  const last = match.tokens[match.tokens.length - 1];
  for (const { token: separator, punctuation } of separators) {
    if (separator <= first || separator >= last) continue;
    const before = match.tokens.filter((token) => token < separator);
    const after = match.tokens.filter((token) => token > separator);
    const parts = (side: readonly number[]) => punctuation || side.every((token) => insideAbbreviation(doc, token));
    if (parts(before) && readByAnotherOnOneSide(match, matches, before, (token) => token < separator)) return true;
    if (parts(after) && readByAnotherOnOneSide(match, matches, after, (token) => token > separator)) return true;
  }
  return false;
}

/** Whether token `index` is part of an abbreviation the expand-abbreviations stage spelled out. */
function insideAbbreviation(doc: DetectorDoc, index: number): boolean {
  const token = doc.tokens[index];
  return doc.expansions.some((expansion) => expansion.begin <= token.begin && token.end <= expansion.end);
}

/**
 * Whether another match, every word of it on the same side (`onSide`), reads all of `tokens` and
 * more: they are part of a longer name there ("chronic" of "chronic obstructive pulmonary
 * disease"). Counted in the other's stems, not its tokens: an abbreviation is a longer name in
 * one token ("COPD, atrial fibrillation" is no chronic atrial fibrillation).
 */
function readByAnotherOnOneSide(match: SentenceMatch, matches: readonly SentenceMatch[], tokens: readonly number[], onSide: (token: number) => boolean): boolean {
  return readByAnother(match, matches, tokens, onSide, (other) => other.width > tokens.length);
}

/**
 * Drops a match whose words, split where it skips over others, are on each side part of a longer
 * name read there: "acute kidney injury on CKD" reads "Disease, renal, acute" (N28.9) only from
 * the words of acute kidney injury and of chronic kidney disease. An Index "with" combination is
 * meant to join two conditions' words and stays, as does a Neoplasm Table reading, which joins a
 * site to a morphology by design ("liver ... metastases").
 */
export function withoutComposedReadings(matches: SentenceMatch[], separators: readonly ListSeparator[] = []): SentenceMatch[] {
  if (matches.length < 2) return matches;
  return matches.filter(
    (match) =>
      match.entry.combination === true ||
      match.entry.source === 'neoplasm' ||
      !(cutsIntoAnother(match, matches, separators) || (matches.length > 2 && composedOfOthers(match, matches))),
  );
}

/**
 * Whether the match skips over words of another, wider reading to take one of its words without
 * the rest, where no list separator parts them: in "complicated by acute kidney injury",
 * "Complication, renal" (N28.9) leaps over "acute" to the kidney of acute kidney injury.
 */
function cutsIntoAnother(match: SentenceMatch, matches: readonly SentenceMatch[], separators: readonly ListSeparator[]): boolean {
  const { tokens } = match;
  return matches.some((other) => {
    if (other === match || other.width <= match.width || other.tokens.every((token) => tokens.includes(token))) return false;
    // A reading inside the other is a narrower reading of the same words, not a cut into them.
    if (!tokens.some((token) => other.tokens.includes(token)) || tokens.every((token) => other.tokens.includes(token))) return false;
    // The match resumes inside the other reading after leaping over its first words, and not
    // over an "and" that shares a word between two ("abdominal and ocular pain").
    for (let gap = 1; gap < tokens.length; gap += 1) {
      if (!other.tokens.includes(tokens[gap]) || separators.some(({ token }) => token > tokens[gap - 1] && token < tokens[gap])) continue;
      for (const skipped of other.tokens) if (skipped > tokens[gap - 1] && skipped < tokens[gap]) return true;
    }
    return false;
  });
}

function composedOfOthers(match: SentenceMatch, matches: readonly SentenceMatch[]): boolean {
  const { tokens } = match;
  for (let gap = 1; gap < tokens.length; gap += 1) {
    if (tokens[gap] === tokens[gap - 1] + 1) continue;
    const split = tokens[gap];
    const before = tokens.slice(0, gap);
    const after = tokens.slice(gap);
    if (readByAnotherOnOneSide(match, matches, before, (token) => token < split) && readByAnotherOnOneSide(match, matches, after, (token) => token >= split)) return true;
  }
  return false;
}
