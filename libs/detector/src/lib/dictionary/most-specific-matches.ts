/**
 * Which of a sentence's matches stand: a match whose words a wider match already names is
 * dropped, unless the wider code asks for it beside it, it is a learned code of another axis, or
 * the caller says the wider match hides nothing (a reading the training cases found seldom right).
 */
import type { HidesNarrower, KeepBoth, SentenceMatch } from './sentence-matcher.js';
import type { NeoplasmMarker } from './neoplasm-markers.js';

/** The classification's chapter of a code, as the term dictionary gives it. */
export type ChapterOf = (code: string) => string | null;

export function keepMostSpecific(matches: SentenceMatch[], keepBoth: KeepBoth, chapterOf: ChapterOf, hides: HidesNarrower = () => true): SentenceMatch[] {
  if (matches.length <= 1) return matches;
  const kept: SentenceMatch[] = [];
  const placed = matches.some((match) => match.entry.notElsewhereClassified) ? matches.filter((match) => !isClassifiedElsewhere(match, matches, chapterOf)) : matches;
  const candidates = placed.some((match) => match.entry.source === 'neoplasm')
    ? placed.filter((match) => !isCodedByMorphology(match, placed, chapterOf) && !isBehaviourNamedElsewhere(match, placed))
    : placed;
  // Widest first, and only against matches already kept: a match that is itself covered must not hide others.
  for (const match of widestFirst(candidates)) if (!isHiddenByKept(kept, match, keepBoth, chapterOf, hides)) kept.push(match);
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

/**
 * An Index path ending in "NEC" whose words another match, as wide, reads as a condition the
 * classification places in another chapter: "UTI due to E. coli" is N39.0 (with B96.20 for the organism), not
 * "Infection, Escherichia coli NEC" (A49.8) over the word "infection" the UTI already names.
 */
function isClassifiedElsewhere(match: SentenceMatch, matches: readonly SentenceMatch[], chapterOf: ChapterOf): boolean {
  if (!match.entry.notElsewhereClassified) return false;
  const chapter = chapterOf(match.entry.code);
  return matches.some(
    (other) =>
      !other.entry.notElsewhereClassified &&
      chapterOf(other.entry.code) !== chapter &&
      other.width >= match.width &&
      other.tokens.some((token) => match.tokens.includes(token)),
  );
}

/** Chapter 2: neoplasms. */
const NEOPLASM_CHAPTER = '2';
/** Secondary and unspecified-site malignant neoplasms (C77-C79): the Table's Secondary column. */
const SECONDARY_NEOPLASM = /^C7[7-9]/;

/**
 * A Neoplasm Table reading of a primary tumour around a morphology the Index codes itself:
 * "malignant melanoma of the left shoulder" is a melanoma (C43.-), not a malignant neoplasm of
 * the upper limb (C76.42); a lymphoma of the stomach is a lymphoma, not C16.9. The Table sends a
 * melanoma or a lymphoma to its own Index entry. A secondary site stays ("metastatic melanoma to
 * the liver" is C78.7 too), and so does a Table reading beside a morphology the Index sends to
 * the Table ("carcinoma" has no code of its own).
 */
function isCodedByMorphology(match: SentenceMatch, matches: readonly SentenceMatch[], chapterOf: ChapterOf): boolean {
  if (match.entry.source !== 'neoplasm' || SECONDARY_NEOPLASM.test(match.entry.code)) return false;
  const first = match.tokens[0];
  const last = match.tokens[match.tokens.length - 1];
  return matches.some(
    (other) =>
      other.entry.source !== 'neoplasm' &&
      !other.entry.historyOnly &&
      chapterOf(other.entry.code) === NEOPLASM_CHAPTER &&
      other.tokens.every((token) => token >= first && token <= last && !match.tokens.includes(token)),
  );
}

/** The Neoplasm Table column of a tumour named with no behaviour ("tumor", "neoplasm"). */
const UNSPECIFIED_BEHAVIOUR: NeoplasmMarker = '#neoplasm';

/**
 * A Table reading of "neoplasm" or "tumor" as of unspecified behaviour where a word beside it
 * names the behaviour: "malignant neoplasm of the right upper lobe" reads the site in the
 * Malignant column (C34.1-) with "malignant" and in the Unspecified column (D49.1) with
 * "neoplasm", and in the Unspecified column at the lung (D49.1) from "neoplasm" and "lung"; both
 * are the one tumour, its behaviour stated. Only the noun may be left out of the behaviour's
 * reading, and it must lie among that reading's words.
 */
function isBehaviourNamedElsewhere(match: SentenceMatch, matches: readonly SentenceMatch[]): boolean {
  if (match.entry.source !== 'neoplasm' || !match.entry.stems.includes(UNSPECIFIED_BEHAVIOUR)) return false;
  return matches.some((other) => {
    if (other === match || other.entry.source !== 'neoplasm' || other.entry.stems.includes(UNSPECIFIED_BEHAVIOUR)) return false;
    const outside = match.tokens.filter((token) => !other.tokens.includes(token));
    return outside.length === 1 && outside[0] > other.tokens[0] && outside[0] < other.tokens[other.tokens.length - 1];
  });
}

function isHiddenByKept(kept: readonly SentenceMatch[], match: SentenceMatch, keepBoth: KeepBoth, chapterOf: ChapterOf, hides: HidesNarrower): boolean {
  for (const other of kept) {
    // A history-only reading holds only for a past mention, which assertion decides later: it hides nothing.
    if (other.entry.historyOnly || isOtherSpecifiedTitle(other) || !hides(other.entry.id)) continue;
    if (dominates(other, match) && !keepBoth(other.entry.code, match.entry.code) && !isLearnedAlongside(match, other, chapterOf)) return true;
  }
  return false;
}

const OTHER_SPECIFIED_TITLE = /^Title: Other\b/i;

/**
 * The title of an "Other ..." code hides nothing: its words leave out the kind it specifies, so
 * the text naming the rest of them ("rheumatoid arthritis of both hands" against "Other
 * specified rheumatoid arthritis, unspecified hand") has not named that kind, and the Index's
 * reading of the words (M06.9) stands beside it for the ranker to weigh.
 */
function isOtherSpecifiedTitle(match: SentenceMatch): boolean {
  return match.entry.source === 'title' && OTHER_SPECIFIED_TITLE.test(match.entry.display);
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
 * another axis of the classification (another chapter): the coders gave its code in
 * addition to the wider term's ("infection" -> B99.9 inside "urinary tract infection"), and the
 * ranker, which knows how often they did, decides whether it is proposed. Within one chapter the
 * narrower code is part of the wider diagnosis ("hypertension" inside "hypertensive heart
 * disease", "E. coli" (B96.20) inside "sepsis due to E. coli" (A41.51), both chapter 1) and
 * would only contradict it. Nor does a sign, symptom or ill-defined condition
 * (chapter R) stand beside the diagnosis whose words it is part of: the guidelines leave out what
 * is integral to a diagnosis, and "disease" inside "chronic kidney disease" is no R69. Nor does it
 * stand beside an Index combination ("with") that already codes it: "neuropathy" is no G62.9
 * inside "type 2 diabetes with diabetic neuropathy" (E11.40).
 */
function isLearnedAlongside(match: SentenceMatch, wider: SentenceMatch, chapterOf: ChapterOf): boolean {
  if (match.entry.source !== 'lexicon' || wider.entry.combination) return false;
  const chapter = chapterOf(match.entry.code);
  return chapter !== SYMPTOM_CHAPTER && chapter !== chapterOf(wider.entry.code);
}

/** Chapter 18: symptoms, signs and abnormal findings not elsewhere classified. */
const SYMPTOM_CHAPTER = '18';

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
  // A "with" combination leaves the readings of its own category standing: the result codes them
  // only where the ranker rejects the combination ("COPD with exacerbation" is J44.1, or J44.9
  // rather than nothing).
  if (wider.entry.combination === true && wider.entry.code.slice(0, 3) === narrower.entry.code.slice(0, 3)) return false;
  return narrower.tokens.every((token) => wider.tokens.includes(token)) || narrower.entry.stems.every((stem) => wider.entry.stems.includes(stem));
}

/** Undotted `code` lies strictly beneath the undotted `category`. */
function isWithinCategory(code: string, category: string): boolean {
  return code.length > category.length && code.startsWith(category);
}

function withinSpan(wider: SentenceMatch, narrower: SentenceMatch): boolean {
  return wider.tokens[0] <= narrower.tokens[0] && narrower.tokens[narrower.tokens.length - 1] <= wider.tokens[wider.tokens.length - 1];
}
