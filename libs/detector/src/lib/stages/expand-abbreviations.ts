/**
 * Finds clinical abbreviations and picks a sense for each from its context. It only adds the
 * `expansions` layer: `text` is never rewritten, so every offset stays valid and a later
 * term-matching stage can match an expansion in place of the span it covers.
 */
import type { DetectorDoc, Expansion, Section, TextRange } from '../detector-doc.js';
import { requireStages, withLayers } from '../detector-doc.js';
import { sectionAt, sentenceAt } from '../doc-queries.js';
import type { AbbreviationRules, CompiledAbbreviation, CompiledSense } from '../rules/abbreviation-rules.js';
import type { CombinedMatch } from '../text-patterns.js';
import { findAbbreviationDefinitions, type AbbreviationDefinition } from '../abbreviation-definitions.js';
import { wordCharBefore, wordCharLength } from '../literal-words.js';
import type { Stage } from '../stage.js';
import { SECTIONIZE_STAGE } from './sectionize.js';
import { TOKENIZE_STAGE } from './tokenize.js';

/** Name the expand-abbreviations stage records in `doc.completedStages`. */
export const EXPAND_ABBREVIATIONS_STAGE = 'expand-abbreviations';

/** Weights of the evidence for a sense: being the header beats the section, which beats one cue word. */
const HEADER_WEIGHT = 10;
const SECTION_WEIGHT = 2;
const CUE_WEIGHT = 1;

/** What around an abbreviation can point to one of its senses. */
export interface AbbreviationContext {
  readonly text: string;
  readonly span: TextRange;
  /** The sentence, or failing that the span itself. */
  readonly sentence: TextRange;
  /** The sentences before and after as well, for when the sentence alone says nothing. */
  readonly neighbourhood: TextRange;
  readonly section: Section | null;
}

function countCues(sense: CompiledSense, text: string, range: TextRange): number {
  return new Set(sense.cues.matchAll(text, range.begin, range.end).map((match) => match.value)).size;
}

function scoreSense(sense: CompiledSense, context: AbbreviationContext, range: TextRange): number {
  const { section, span } = context;
  const isHeader = section?.header != null && span.begin >= section.header.begin && span.end <= section.header.end;
  let score = isHeader && sense.header ? HEADER_WEIGHT : 0;
  if (section?.category != null && sense.sections.has(section.category)) score += SECTION_WEIGHT;
  return score + CUE_WEIGHT * countCues(sense, context.text, range);
}

function bestSense(senses: readonly CompiledSense[], context: AbbreviationContext, range: TextRange) {
  let best = { sense: senses[0], score: scoreSense(senses[0], context, range) };
  for (const sense of senses.slice(1)) {
    const score = scoreSense(sense, context, range);
    if (score > best.score) best = { sense, score };
  }
  return best;
}

/**
 * The sense of `entry` that its context points to: the header sense when the abbreviation is a
 * section header, else the sense with the most weight from the section and from cue words in the
 * sentence (then the neighbouring sentences), else the first, most common, sense.
 */
export function resolveAbbreviationSense(entry: CompiledAbbreviation, context: AbbreviationContext): CompiledSense {
  if (entry.senses.length === 1) return entry.senses[0];
  const inSentence = bestSense(entry.senses, context, context.sentence);
  if (inSentence.score > 0) return inSentence.sense;
  return bestSense(entry.senses, context, context.neighbourhood).sense;
}

/** Non-overlapping matches of both spelling patterns: the earlier, then the longer, wins. */
function findAbbreviations(text: string, rules: AbbreviationRules): CombinedMatch<CompiledAbbreviation>[] {
  const found = [...rules.caseSensitive.matchAll(text), ...rules.caseInsensitive.matchAll(text)];
  found.sort((a, b) => a.begin - b.begin || b.end - a.end);
  const kept: CombinedMatch<CompiledAbbreviation>[] = [];
  for (const match of found) {
    if (kept.length === 0 || match.begin >= kept[kept.length - 1].end) kept.push(match);
  }
  return kept;
}

function contextOf(doc: DetectorDoc, span: TextRange): AbbreviationContext {
  const sentence = sentenceAt(doc, span.begin);
  const range = sentence ?? span;
  const previous = sentence && sentence.index > 0 ? doc.sentences[sentence.index - 1] : null;
  const next = sentence && sentence.index + 1 < doc.sentences.length ? doc.sentences[sentence.index + 1] : null;
  const neighbourhood = { begin: previous?.begin ?? range.begin, end: next?.end ?? range.end };
  return { text: doc.text, span, sentence: range, neighbourhood, section: sectionAt(doc, span.begin) };
}

/** Below this share of lower-case letters a document is taken as written in capitals. */
const UPPER_CASE_DOCUMENT_RATIO = 0.1;

/**
 * True for a document written in capitals (legacy systems, dictation): there case says nothing,
 * so spellings that must match case (`AS`, `ALL`) are not trusted. Counting ASCII letters suffices
 * for English notes and keeps the check linear.
 */
export function isUpperCaseDocument(text: string): boolean {
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) lower += 1;
    else if (code >= 65 && code <= 90) upper += 1;
    // Settled once even capitals in every character left could not bring the share below the
    // ratio: an ordinary note is, a tenth of the way in.
    if ((i & EARLY_ANSWER_MASK) === 0 && lower / (lower + upper + (text.length - 1 - i)) >= UPPER_CASE_DOCUMENT_RATIO) return false;
  }
  return upper > 0 && lower / (lower + upper) < UPPER_CASE_DOCUMENT_RATIO;
}

/** {@link isUpperCaseDocument} sees whether it can answer early every 64 characters, where `i & 63` is 0. */
const EARLY_ANSWER_MASK = 63;

/**
 * Stage: fills `expansions`. Needs tokenize (sentences) and sectionize. A document's own
 * definition ("parenteral nutrition (PN)") decides what its abbreviation means there; one whose
 * words do not spell it (a translated "visual acuity (AV)") leaves it unexpanded.
 */
export const expandAbbreviations: Stage = (doc: DetectorDoc, deps) => {
  requireStages(doc, EXPAND_ABBREVIATIONS_STAGE, [TOKENIZE_STAGE, SECTIONIZE_STAGE]);
  const definitions = findAbbreviationDefinitions(doc.text);
  const expansions: Expansion[] = [];
  // Read only once a spelling that must match case is found: most notes never need it.
  let trustCase: boolean | null = null;
  for (const { begin, end, value: entry } of findAbbreviations(doc.text, deps.rules.abbreviations)) {
    if (entry.caseSensitive && !(trustCase ??= !isUpperCaseDocument(doc.text))) continue;
    const text = doc.text.slice(begin, end);
    const defined = definitions.get(text);
    if (defined) {
      if (defined.longForm && defined.site.begin !== begin) expansions.push(definedExpansion(defined, begin, end));
      continue;
    }
    const sense = resolveAbbreviationSense(entry, contextOf(doc, { begin, end }));
    expansions.push({ begin, end, text, abbreviation: entry.abbreviation, expansion: sense.expansion, ambiguous: entry.senses.length > 1 });
  }
  expansions.push(...undictionariedUses(doc.text, definitions, expansions));
  return withLayers(doc, EXPAND_ABBREVIATIONS_STAGE, { expansions: expansions.sort((a, b) => a.begin - b.begin) });
};

function definedExpansion(definition: AbbreviationDefinition, begin: number, end: number): Expansion {
  return { begin, end, text: definition.shortForm, abbreviation: definition.shortForm, expansion: definition.longForm ?? '', ambiguous: false };
}

/** Later uses of short forms the document defines and the dictionary does not know. */
function undictionariedUses(text: string, definitions: ReadonlyMap<string, AbbreviationDefinition>, known: readonly Expansion[]): Expansion[] {
  const uses: Expansion[] = [];
  const taken = new Set(known.map((expansion) => expansion.begin));
  for (const definition of definitions.values()) {
    if (!definition.longForm || known.some((expansion) => expansion.text === definition.shortForm)) continue;
    for (const begin of wholeWordOccurrences(text, definition.shortForm, definition.site.end)) {
      if (!taken.has(begin)) uses.push(definedExpansion(definition, begin, begin + definition.shortForm.length));
    }
  }
  return uses;
}

function wholeWordOccurrences(text: string, word: string, from: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + word.length)) {
    if (!wordCharBefore(text, at) && wordCharLength(text, at + word.length) === 0) found.push(at);
  }
  return found;
}
