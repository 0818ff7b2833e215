/**
 * The only module that touches wink-nlp. wink-nlp hands out token values but no offsets, so each
 * value is located in the submitted text from a cursor that only moves forward: tokens come out
 * in text order, and between two tokens wink-nlp drops nothing but whitespace and control or
 * format characters. That keeps the alignment exact and linear in the text length.
 */
import winkNLP, { type Tokens, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { DetectorDoc, Sentence, Token, TokenKind } from '../detector-doc.js';
import { NO_SPELLING_ID, withLayers } from '../detector-doc.js';
import type { Stage } from '../stage.js';
import { breakLongRuns } from './long-runs.js';
import { SentenceCollector, TerminalPunctuationBoundaries, endsOnLetterPeriod, hasLineBreak } from './sentence-boundaries.js';

export { MAX_WINK_RUN, breakLongRuns } from './long-runs.js';

/** Name the tokenize stage records in `doc.completedStages`. */
export const TOKENIZE_STAGE = 'tokenize';

/** How far past the cursor a token that does not sit right after whitespace is searched for. */
const RESYNC_WINDOW = 256;
const SKIPPABLE = /[\s\p{Cc}\p{Cf}]/u;

const KIND_OF_WINK_TYPE: Readonly<Record<string, TokenKind>> = {
  word: 'word',
  alpha: 'word',
  apos: 'word',
  shortForm: 'word',
  number: 'number',
  ordinal: 'number',
  decade: 'number',
  punctuation: 'punctuation',
  symbol: 'symbol',
  currency: 'symbol',
  emoji: 'emoji',
  emoticon: 'emoji',
  time: 'time',
};

/**
 * Characters of text one wink-nlp instance reads before it is replaced. wink-nlp adds every word
 * it has not seen to the instance's vocabulary and never lets go (about 140 MB per million new
 * words), so a worker that lives for months would only grow; a fresh instance costs a few hundred
 * milliseconds, well under 1% of the time it takes to read this much.
 */
export const WINK_RECYCLE_CHARACTERS = 20_000_000;

/**
 * What every token of one wink-nlp spelling shares, read from wink-nlp once per instance and kept
 * by wink-nlp's number for the spelling: a note repeats its words, and one table read per token
 * replaces reading the value, type and normal out of wink-nlp's packed lexicon. The facts of a
 * spelling sit side by side in one flat array ({@link FACTS_PER_SPELLING} slots from
 * `number * FACTS_PER_SPELLING`), so that a token costs one cache line of the table, not a
 * pointer into the table and then an object elsewhere in the heap.
 */
const FACT_TEXT = 0;
/** The normal of the spelling on its own; a piece of a contraction has another ("n't" -> "not"). */
const FACT_NORMAL = 1;
const FACT_KIND = 2;
/**
 * {@link Token.spellingId}: spellings numbered in the order they are first read, so that the
 * words notes use most have small numbers, close together in any table kept by number. Or
 * {@link SKIPPED} for a spelling that is never a token, or {@link UNREAD}.
 */
const FACT_ID = 3;
const FACTS_PER_SPELLING = 4;
/** {@link FACT_ID} of a spelling that is never a token: blank, or a tab or line break. */
const SKIPPED = -2;
/** {@link FACT_ID} of a wink-nlp number this instance has not handed out yet. */
const UNREAD = -3;

type SpellingFacts = (string | number)[];

const winkInstance = {
  nlp: undefined as WinkMethods | undefined,
  charactersRead: 0,
  generation: 0,
  recycleAfter: WINK_RECYCLE_CHARACTERS,
  /** Spelling facts by wink-nlp's number, for the current instance only: another instance numbers them anew. */
  spellingFacts: [] as SpellingFacts,
  spellingCount: 0,
};

/** The wink-nlp instance for reading `length` more characters: shared by the whole process (the model is large), renewed now and then. */
function nlp(length: number): WinkMethods {
  if (!winkInstance.nlp || winkInstance.charactersRead >= winkInstance.recycleAfter) {
    // The tokenizer only: matching works on Porter stems, so part-of-speech tagging (which lemmas
    // need) would cost a third of the stage for nothing; ner, negation and sentiment are left out
    // because the detector has its own, and sentence boundaries are cheaper found as tokens are
    // placed (see sentence-boundaries.ts).
    winkInstance.nlp = winkNLP(model, []);
    winkInstance.charactersRead = 0;
    winkInstance.generation += 1;
    winkInstance.spellingFacts = [];
    winkInstance.spellingCount = 0;
  }
  winkInstance.charactersRead += length;
  return winkInstance.nlp;
}

/** How many wink-nlp instances this process has built, and after how many characters the next one is due (tests set it low). */
export const winkRecycling = {
  get generation(): number {
    return winkInstance.generation;
  },
  set recycleAfterCharacters(characters: number) {
    winkInstance.recycleAfter = characters;
  },
};

/** What wink-nlp says about each of its tokens, in its order. */
interface WinkTokens {
  readonly tokens: Tokens;
  /** wink-nlp's number for the spelling of each token. */
  readonly ids: readonly number[];
  /** Whether each token is a piece of a contraction, whose normal is not its spelling's. */
  readonly inContraction: readonly boolean[];
}

function readWinkTokens(text: string): WinkTokens {
  const winkNlp = nlp(text.length);
  const its = winkNlp.its;
  const doc = winkNlp.readDoc(breakLongRuns(text));
  const tokens = doc.tokens();
  const ids = tokens.out(its.uniqueId) as unknown as number[];
  const inContraction = tokens.out(its.contractionFlag) as unknown as boolean[];
  learnSpellings(tokens, ids, inContraction);
  return { tokens, ids, inContraction };
}

/**
 * Reads the facts of every spelling in `ids` that this instance has not read yet, in token order.
 * A loop of its own: the table reads miss the processor's cache, and a short loop overlaps the
 * misses, leaving the facts in the cache for the token loop.
 */
function learnSpellings(tokens: Tokens, ids: readonly number[], inContraction: readonly boolean[]): void {
  const facts = winkInstance.spellingFacts;
  for (let i = 0; i < ids.length; i += 1) {
    const at = ids[i] * FACTS_PER_SPELLING + FACT_ID;
    if ((at >= facts.length || facts[at] === UNREAD) && !inContraction[i]) learnSpelling(tokens, i, ids[i]);
  }
}

function learnSpelling(tokens: Tokens, i: number, id: number): void {
  const facts = winkInstance.spellingFacts;
  // Grown one spelling at a time so that the array stays packed: numbers are dense, from 0.
  while (facts.length <= id * FACTS_PER_SPELLING) facts.push('', '', 'other', UNREAD);
  const spelling = readSpelling(tokens, i);
  const at = id * FACTS_PER_SPELLING;
  facts[at + FACT_TEXT] = spelling.text;
  facts[at + FACT_NORMAL] = spelling.normal;
  facts[at + FACT_KIND] = spelling.kind;
  facts[at + FACT_ID] = spelling.skipped ? SKIPPED : winkInstance.spellingCount;
  winkInstance.spellingCount += 1;
}

/** The facts of wink token `i`, a piece of a contraction: read on its own, as its normal is not its spelling's. */
function contractionPieceFacts(tokens: Tokens, i: number): SpellingFacts {
  const piece = readSpelling(tokens, i);
  return [piece.text, piece.normal, piece.kind, piece.skipped ? SKIPPED : NO_SPELLING_ID];
}

function readSpelling(tokens: Tokens, i: number): { text: string; normal: string; kind: TokenKind; skipped: boolean } {
  const its = (winkInstance.nlp as WinkMethods).its;
  const token = tokens.itemAt(i);
  const text = token.out(its.value);
  const type = token.out(its.type);
  return { text, normal: token.out(its.normal), kind: KIND_OF_WINK_TYPE[type] ?? 'other', skipped: isSkippedWinkToken(text, type) };
}

/**
 * Where `value` starts at or after `from`: right after skippable characters, or failing that
 * anywhere within {@link RESYNC_WINDOW}. -1 when it cannot be found.
 */
export function locateToken(text: string, value: string, from: number): number {
  for (let position = from; position < text.length; position += 1) {
    if (text.startsWith(value, position)) return position;
    if (!isSkippable(text, position)) break;
  }
  // Bounded so that a run of unplaceable tokens cannot make the whole stage quadratic.
  const found = text.slice(from, from + RESYNC_WINDOW + value.length).indexOf(value);
  return found >= 0 ? from + found : -1;
}

/** {@link SKIPPABLE} at `position`, read without a regex for ASCII (whitespace and control characters are all at or below 32, or 127). */
function isSkippable(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  if (code < 128) return code <= 32 || code === 127;
  return SKIPPABLE.test(text.charAt(position));
}

function isSkippedWinkToken(value: string, type: string): boolean {
  if (value.length === 0 || type === 'tabCRLF') return true;
  // A visible ASCII character first: not blank, and no need to trim.
  const first = value.charCodeAt(0);
  return !(first > 32 && first < 127) && value.trim().length === 0;
}

/** Tokens and sentences of `text`, with offsets, plus how many wink tokens could not be placed. */
export function tokenizeText(text: string): { tokens: Token[]; sentences: Sentence[]; unaligned: number } {
  const wink = readWinkTokens(text);
  const { ids, inContraction } = wink;
  const spellingFacts = winkInstance.spellingFacts;
  // Sized for every wink token at once, and cut to the tokens placed: grown by push, the array
  // would be copied over and over, the most garbage the stage makes.
  const tokens = new Array<Token>(ids.length);
  let count = 0;
  const sentences = new SentenceCollector();
  const boundaries = new TerminalPunctuationBoundaries();
  let cursor = 0;
  let unaligned = 0;
  for (let i = 0; i < ids.length; i += 1) {
    const facts = inContraction[i] ? contractionPieceFacts(wink.tokens, i) : spellingFacts;
    const at = inContraction[i] ? 0 : ids[i] * FACTS_PER_SPELLING;
    const id = facts[at + FACT_ID] as number;
    if (id === SKIPPED) continue;
    const value = facts[at + FACT_TEXT] as string;
    const begin = locateToken(text, value, cursor);
    if (begin < 0) {
      unaligned += 1;
      continue;
    }
    if (count === 0 || hasLineBreak(text, cursor, begin) || endsOnLetterPeriod(text, cursor, begin)) {
      sentences.open(begin, count, cursor);
      boundaries.reset(value);
    } else if (boundaries.startsSentence(value, begin === cursor)) {
      sentences.open(begin, count, cursor);
    }
    const normal = facts[at + FACT_NORMAL] as string;
    tokens[count] = new PlacedToken(count, begin, value, normal, facts[at + FACT_KIND] as TokenKind, sentences.openIndex, id);
    count += 1;
    cursor = begin + value.length;
  }
  tokens.length = count;
  return { tokens, sentences: sentences.closed(count, cursor), unaligned };
}

/**
 * A {@link Token} as this stage builds it. A class rather than an object literal: V8 tracks where
 * a literal is allocated and, as tokens outlive a young-generation collection, allocates them
 * straight into the old generation, which made building a token cost as much as placing it
 * (node --no-allocation-site-pretenuring gives the same gain). Fields in the order of
 * {@link Token}, so that a token lists its keys as before.
 */
class PlacedToken implements Token {
  readonly index: number;
  readonly begin: number;
  readonly end: number;
  readonly text: string;
  readonly normal: string;
  readonly kind: TokenKind;
  readonly sentence: number;
  readonly spellingId: number;

  constructor(index: number, begin: number, text: string, normal: string, kind: TokenKind, sentence: number, spellingId: number) {
    this.index = index;
    this.begin = begin;
    this.end = begin + text.length;
    this.text = text;
    this.normal = normal;
    this.kind = kind;
    this.sentence = sentence;
    this.spellingId = spellingId;
  }
}

/** Stage: fills `tokens` and `sentences`. */
export const tokenize: Stage = (doc: DetectorDoc) => {
  const { tokens, sentences, unaligned } = tokenizeText(doc.text);
  const diagnostics =
    unaligned === 0
      ? doc.diagnostics
      : [...doc.diagnostics, { stage: TOKENIZE_STAGE, message: `${unaligned} token(s) could not be aligned to the text and were dropped` }];
  return withLayers(doc, TOKENIZE_STAGE, { tokens, sentences, diagnostics });
};
