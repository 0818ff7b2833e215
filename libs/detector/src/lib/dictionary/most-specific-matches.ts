/**
 * Which of a sentence's matches stand: a match whose words a wider match already names is
 * dropped, unless the wider code asks for it beside it or it is a learned code of another axis.
 */
import type { KeepBoth, SentenceMatch } from './sentence-matcher.js';

export function keepMostSpecific(matches: SentenceMatch[], keepBoth: KeepBoth): SentenceMatch[] {
  if (matches.length <= 1) return matches;
  const kept: SentenceMatch[] = [];
  // Widest first, and only against matches already kept: a match that is itself covered must not hide others.
  for (const match of widestFirst(matches)) if (!isHiddenByKept(kept, match, keepBoth)) kept.push(match);
  return kept.some((match) => match.entry.source === 'lexicon') ? kept.filter((match) => !contradictsTerminology(match, kept)) : kept;
}

/**
 * A learned phrase reaching past a match of the classification's own wording, to code another
 * code of the same category: "serology" + "HCV" read as the learned "hepatitis serology" (B19.10)
 * around the Index's "hepatitis C" (B19.20). The classification's reading of the words names
 * what the learned phrase only guesses.
 */
function contradictsTerminology(match: SentenceMatch, kept: readonly SentenceMatch[]): boolean {
  if (match.entry.source !== 'lexicon') return false;
  const category = match.entry.code.slice(0, 3);
  return kept.some(
    (other) =>
      other.entry.source !== 'lexicon' &&
      other.tokens.length < match.tokens.length &&
      other.entry.code !== match.entry.code &&
      other.entry.code.slice(0, 3) === category &&
      other.tokens.every((token) => match.tokens.includes(token)),
  );
}

function isHiddenByKept(kept: readonly SentenceMatch[], match: SentenceMatch, keepBoth: KeepBoth): boolean {
  for (const other of kept) {
    if (dominates(other, match) && !keepBoth(other.entry.code, match.entry.code) && !isLearnedAlongside(match, other)) return true;
  }
  return false;
}

/** The matches with the most stems first, in their order among equals. */
function widestFirst(matches: readonly SentenceMatch[]): SentenceMatch[] {
  // By insertion, keeping equals in order as a stable sort does: a sentence has a few matches.
  const order: SentenceMatch[] = matches.slice();
  for (let i = 1; i < order.length; i += 1) {
    const match = order[i];
    let j = i - 1;
    for (; j >= 0 && order[j].width < match.width; j -= 1) order[j + 1] = order[j];
    order[j + 1] = match;
  }
  return order;
}

/**
 * A phrasing learned from coded cases stands beside a wider match over its words when it codes
 * another axis of the classification (another chapter letter): the coders gave its code in
 * addition to the wider term's ("infection" -> B99.9 inside "urinary tract infection"), and the
 * ranker, which knows how often they did, decides whether it is proposed. Within one chapter the
 * narrower code is part of the wider diagnosis ("hypertension" inside "hypertensive heart
 * disease") and would only contradict it. Nor does a sign, symptom or ill-defined condition
 * (chapter R) stand beside the diagnosis whose words it is part of: the guidelines leave out what
 * is integral to a diagnosis, and "disease" inside "chronic kidney disease" is no R69. Nor does it
 * stand beside an Index combination ("with") that already codes it: "neuropathy" is no G62.9
 * inside "type 2 diabetes with diabetic neuropathy" (E11.40).
 */
function isLearnedAlongside(match: SentenceMatch, wider: SentenceMatch): boolean {
  const code = match.entry.code;
  return match.entry.source === 'lexicon' && !wider.entry.combination && code.charAt(0) !== wider.entry.code.charAt(0) && code.charAt(0) !== SYMPTOM_CHAPTER;
}

/** The first letter of chapter 18's codes: symptoms, signs and abnormal findings not elsewhere classified. */
const SYMPTOM_CHAPTER = 'R';

/**
 * `wider` says more than `narrower` about the same words: more stems, and every word of the
 * narrower match is one of its words (a synonym counts: "heart" is also "cardiac"). A wider match
 * on a category never hides a narrower one on a code within it: "Type 2 diabetes mellitus" (E11,
 * a title) leaves "diabetes, type 2" (E11.9, the Index) standing.
 */
function dominates(wider: SentenceMatch, narrower: SentenceMatch): boolean {
  // Cheapest tests first: the token lists are fresh in the processor's cache, the entries are not.
  // Both ways of covering need the narrower match inside the wider one's stretch.
  if (!withinSpan(wider, narrower) || (wider.crossesList && !narrower.crossesList)) return false;
  if (wider.width <= narrower.width || isWithinCategory(narrower.entry.code, wider.entry.code)) return false;
  return narrower.tokens.every((token) => wider.tokens.includes(token)) || narrower.entry.stems.every((stem) => wider.entry.stems.includes(stem));
}

/** Undotted `code` lies strictly beneath the undotted `category`. */
function isWithinCategory(code: string, category: string): boolean {
  return code.length > category.length && code.startsWith(category);
}

function withinSpan(wider: SentenceMatch, narrower: SentenceMatch): boolean {
  return wider.tokens[0] <= narrower.tokens[0] && narrower.tokens[narrower.tokens.length - 1] <= wider.tokens[wider.tokens.length - 1];
}
