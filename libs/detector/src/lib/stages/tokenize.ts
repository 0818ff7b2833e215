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

/** Name the tokenize stage records in `doc.completedStages`. */
export const TOKENIZE_STAGE = 'tokenize';

/** How far past the cursor a token that does not sit right after whitespace is searched for. */
const RESYNC_WINDOW = 256;
const SKIPPABLE = /[\s\p{Cc}\p{Cf}]/u;
/**
 * Longest run without whitespace handed to wink-nlp in one piece: its tokenizer is quadratic in
 * the length of such a run (50,000 characters take seconds), and no real token is this long.
 */
export const MAX_WINK_RUN = 100;
const LONG_RUN = new RegExp(`\\S{${MAX_WINK_RUN + 1},}`, 'g');

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
 * by wink-nlp's number for the spelling: a note repeats its words, and one array read per token
 * replaces reading the value, type and normal out of wink-nlp's packed lexicon.
 */
interface Spelling {
  /**
   * {@link Token.spellingId}: spellings numbered in the order they are first read, so that the
   * words notes use most have small numbers, close together in any table kept by number.
   */
  readonly id: number;
  readonly text: string;
  /** The normal of the spelling on its own; a piece of a contraction has another ("n't" -> "not"). */
  readonly normal: string;
  readonly kind: TokenKind;
  /** Never a token: blank, or a tab or line break. */
  readonly skipped: boolean;
}

const winkInstance = {
  nlp: undefined as WinkMethods | undefined,
  charactersRead: 0,
  generation: 0,
  recycleAfter: WINK_RECYCLE_CHARACTERS,
  /** Spellings by wink-nlp's number, for the current instance only: another instance numbers them anew. */
  spellings: [] as (Spelling | undefined)[],
  spellingCount: 0,
};

/** The wink-nlp instance for reading `length` more characters: shared by the whole process (the model is large), renewed now and then. */
function nlp(length: number): WinkMethods {
  if (!winkInstance.nlp || winkInstance.charactersRead >= winkInstance.recycleAfter) {
    // Sentence boundaries only: matching works on Porter stems, so part-of-speech tagging (which
    // lemmas need) would cost a third of the stage for nothing; ner, negation and sentiment are
    // left out because the detector has its own.
    winkInstance.nlp = winkNLP(model, ['sbd']);
    winkInstance.charactersRead = 0;
    winkInstance.generation += 1;
    winkInstance.spellings = [];
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
  readonly spellings: readonly Spelling[];
  /** wink-nlp sentence of each wink token. */
  readonly sentenceOf: readonly number[];
}

/**
 * `text` with a space inserted every {@link MAX_WINK_RUN} characters of any longer run without
 * whitespace. Offsets do not suffer: tokens are located in the original text, and the pieces of
 * a run sit there back to back. A surrogate pair is never split.
 */
export function breakLongRuns(text: string): string {
  // The regex tries to count past MAX_WINK_RUN at every non-space character; one linear pass
  // that finds no long run (nearly every note) spares it.
  if (!hasLongRun(text)) return text;
  return text.replace(LONG_RUN, (run) => {
    const pieces: string[] = [];
    let begin = 0;
    while (begin < run.length) {
      let end = Math.min(run.length, begin + MAX_WINK_RUN);
      const code = run.charCodeAt(end);
      if (end < run.length && code >= 0xdc00 && code <= 0xdfff) end += 1;
      pieces.push(run.slice(begin, end));
      begin = end;
    }
    return pieces.join(' ');
  });
}

function readWinkTokens(text: string): WinkTokens {
  const winkNlp = nlp(text.length);
  const its = winkNlp.its;
  const doc = winkNlp.readDoc(breakLongRuns(text));
  const tokens = doc.tokens();
  const ids = tokens.out(its.uniqueId) as unknown as number[];
  const inContraction = tokens.out(its.contractionFlag) as unknown as boolean[];
  // A loop of its own: the lookups miss the processor's cache, and a short loop overlaps the misses.
  // A piece of a contraction is read on its own, as its normal is not its spelling's.
  const spellings = new Array<Spelling>(ids.length);
  for (let i = 0; i < ids.length; i += 1) spellings[i] = inContraction[i] ? readSpelling(tokens, i, NO_SPELLING_ID) : spellingOf(tokens, i, ids[i]);
  // A plain array: a typed array this long is allocated outside the JavaScript heap, which costs more than filling it.
  const sentenceOf = new Array<number>(ids.length).fill(0);
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  spans.forEach(([first, last], sentence) => {
    for (let i = Math.max(first, 0); i <= last && i < ids.length; i += 1) sentenceOf[i] = sentence;
  });
  return { spellings, sentenceOf };
}

/** The spelling wink-nlp numbers `id`, remembered by that number; read from wink token `i` the first time. */
function spellingOf(tokens: Tokens, i: number, id: number): Spelling {
  const spellings = winkInstance.spellings;
  let spelling = spellings[id];
  if (spelling === undefined) {
    spelling = readSpelling(tokens, i, winkInstance.spellingCount);
    winkInstance.spellingCount += 1;
    // Grown one slot at a time so that the array stays packed: numbers are dense, from 0.
    while (spellings.length <= id) spellings.push(undefined);
    spellings[id] = spelling;
  }
  return spelling;
}

function readSpelling(tokens: Tokens, i: number, id: number): Spelling {
  const its = (winkInstance.nlp as WinkMethods).its;
  const token = tokens.itemAt(i);
  const text = token.out(its.value);
  const type = token.out(its.type);
  return { id, text, normal: token.out(its.normal), kind: KIND_OF_WINK_TYPE[type] ?? 'other', skipped: isSkippedWinkToken(text, type) };
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

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 10 && code <= 13) || code === 0x85 || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

function isSkippedWinkToken(value: string, type: string): boolean {
  if (value.length === 0 || type === 'tabCRLF') return true;
  // A visible ASCII character first: not blank, and no need to trim.
  const first = value.charCodeAt(0);
  return !(first > 32 && first < 127) && value.trim().length === 0;
}

function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (breaksRun(text.charCodeAt(i))) run = 0;
    else if ((run += 1) > MAX_WINK_RUN) return true;
  }
  return false;
}

/**
 * Whitespace as \s knows it, for the characters notes use; anything rarer only lengthens a run,
 * which errs towards the regex. A visible ASCII character, most of any note, is told in one test.
 */
function breaksRun(code: number): boolean {
  if (code > 32 && code < 127) return false;
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/** Tokens and sentences of `text`, with offsets, plus how many wink tokens could not be placed. */
export function tokenizeText(text: string): { tokens: Token[]; sentences: Sentence[]; unaligned: number } {
  const wink = readWinkTokens(text);
  // Sized for every wink token at once, and cut to the tokens placed: grown by push, the array
  // would be copied over and over, the most garbage the stage makes.
  const tokens = new Array<Token>(wink.spellings.length);
  let count = 0;
  const sentences: Sentence[] = [];
  let cursor = 0;
  let unaligned = 0;
  let winkSentence = -1;
  for (let i = 0; i < wink.spellings.length; i += 1) {
    const spelling = wink.spellings[i];
    if (spelling.skipped) continue;
    const begin = locateToken(text, spelling.text, cursor);
    if (begin < 0) {
      unaligned += 1;
      continue;
    }
    if (count === 0 || wink.sentenceOf[i] !== winkSentence || hasLineBreak(text, cursor, begin)) {
      closeSentence(sentences, tokens, count);
      sentences.push({ index: sentences.length, begin, end: begin, tokenBegin: count, tokenEnd: count });
      winkSentence = wink.sentenceOf[i];
    }
    tokens[count] = buildToken(spelling, begin, count, sentences.length - 1);
    count += 1;
    cursor = begin + spelling.text.length;
  }
  closeSentence(sentences, tokens, count);
  tokens.length = count;
  return { tokens, sentences, unaligned };
}

function buildToken(spelling: Spelling, begin: number, index: number, sentence: number): Token {
  const { id, text, normal, kind } = spelling;
  return { index, begin, end: begin + text.length, text, normal, kind, sentence, spellingId: id };
}

/** Sets the end of the last open sentence from the tokens placed since it opened (the first `count`). */
function closeSentence(sentences: Sentence[], tokens: readonly Token[], count: number): void {
  const open = sentences[sentences.length - 1];
  if (!open || open.tokenEnd === count) return;
  sentences[sentences.length - 1] = { ...open, end: tokens[count - 1].end, tokenEnd: count };
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
