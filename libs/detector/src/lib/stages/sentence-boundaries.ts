/**
 * Where sentences end, decided token by token as the tokenize stage places them. wink-nlp can
 * find sentence boundaries too (its `sbd` pipe), but that pass costs about a sixth of its
 * reading time, and a note's sentences need only three rules: a line break ends one, terminal
 * punctuation ends one unless the text runs on, and a lone capital with its period before a
 * capitalized word ends one. wink-nlp already keeps a period inside an abbreviation's token
 * ("Dr.", "Pt.", "e.g."), so a lone "." token is always punctuation.
 */
import type { Sentence } from '../detector-doc.js';

/** Closing marks that stay with the sentence their terminal punctuation ended, when they touch it. */
const CLOSING_MARKS = new Set([')', ']', '}', '"', "'", '\u201d', '\u2019', '\u00bb']);
/** Punctuation after which a sentence's end was not one: "et al., 2001", "(...), directly". */
const RUN_ON_MARKS = new Set([',', ';', ':']);

/** Whether `text` is terminal punctuation only: ".", "?", "!", "...", "?!" or an ellipsis. */
export function isTerminalPunctuation(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) return false;
  }
  return text.length > 0;
}

/**
 * Follows terminal punctuation through the tokens of a text, in order: after it, closing marks
 * that touch it and more terminal punctuation stay in the sentence, a comma, semicolon or colon
 * says it ran on, and any other token starts the next sentence.
 */
export class TerminalPunctuationBoundaries {
  private pending = false;

  /** Whether the token `text`, which touches the token before it when `touching`, starts a new sentence. */
  startsSentence(text: string, touching: boolean): boolean {
    const terminal = isTerminalPunctuation(text);
    if (!this.pending) {
      this.pending = terminal;
      return false;
    }
    if (terminal || (touching && CLOSING_MARKS.has(text))) return false;
    this.pending = false;
    return !RUN_ON_MARKS.has(text);
  }

  /** Forgets pending punctuation, as a sentence has just been opened for another reason. */
  reset(text: string): void {
    this.pending = isTerminalPunctuation(text);
  }
}

/**
 * wink-nlp reads a lone letter with a period as an abbreviation and runs the sentence on: "stage
 * 3b. Type 2 diabetes", "hepatitis C. He denies". A capitalized word after it, past white space,
 * starts a new sentence ("E. coli" stays one). The previous token ends at `from`; this one starts at `to`.
 */
export function endsOnLetterPeriod(text: string, from: number, to: number): boolean {
  if (to === from || from < 2 || text.charCodeAt(from - 1) !== 46 || !isAsciiLetter(text.charCodeAt(from - 2))) return false;
  if (from >= 3 && isAsciiLetter(text.charCodeAt(from - 3))) return false;
  const first = text.charCodeAt(to);
  const second = text.charCodeAt(to + 1);
  return first >= 65 && first <= 90 && second >= 97 && second <= 122;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 10 && code <= 13) || code === 0x85 || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** A {@link Sentence} as the tokenize stage builds it: a class, for the reason given at its `PlacedToken`. */
class PlacedSentence implements Sentence {
  constructor(
    readonly index: number,
    readonly begin: number,
    readonly end: number,
    readonly tokenBegin: number,
    readonly tokenEnd: number,
  ) {}
}

/** The sentences of a text as its tokens are placed: one is open at a time, and is written out when the next opens. */
export class SentenceCollector {
  private readonly sentences: Sentence[] = [];
  private begin = -1;
  private tokenBegin = 0;

  /** The position of the open sentence in the list. */
  get openIndex(): number {
    return this.sentences.length;
  }

  /** Opens a sentence at the token `tokenIndex` placed at `begin`; `end` is where the tokens before it end. */
  open(begin: number, tokenIndex: number, end: number): void {
    this.close(tokenIndex, end);
    this.begin = begin;
    this.tokenBegin = tokenIndex;
  }

  /** Every sentence, the open one closed after the first `count` tokens, which end at `end`. */
  closed(count: number, end: number): Sentence[] {
    this.close(count, end);
    return this.sentences;
  }

  private close(tokenEnd: number, end: number): void {
    if (this.begin < 0 || tokenEnd === this.tokenBegin) return;
    this.sentences.push(new PlacedSentence(this.sentences.length, this.begin, end, this.tokenBegin, tokenEnd));
    this.begin = -1;
  }
}
