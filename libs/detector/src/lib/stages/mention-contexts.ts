/**
 * What narrowing may read around a mention: the words of its list item, a side or trimester written after a
 * comma, and its sentence's encounter words.
 */
import type { DetectorDoc, MentionCandidates, Sentence } from '../detector-doc.js';
import { SEVENTH_CHARACTER_CUE_STEMS, type StemContext } from '../coding/narrow-code.js';
import type { TokenWords, WordStemIds } from '../dictionary/word-stem-ids.js';
import type { DictionaryEntry } from '../dictionary/term-dictionary.js';
import { letteredNumberAt } from './stand-in-stems.js';

/**
 * Words that say which side, or which trimester: a comma may set them after the condition
 * ("Otitis media, left ear", "Mild preeclampsia, third trimester").
 */
const AXIS_WORDS: ReadonlySet<string> = new Set(['right', 'left', 'bilateral', 'both', 'trimester']);
/** Words after a comma that may still be a side or trimester: "left", "right ear", "left lower extremity", "third trimester". */
const MAX_TRAILING_AXIS_WORDS = 3;

/**
 * The stems that decide how far a header can be narrowed: those of the mention's own list item,
 * from the separator before its first word to the one after its last, within the sentence, and
 * the sentence's encounter words. The whole sentence would lend "right" from "right hip surgery,
 * hearing loss" to the hearing loss.
 */
export class MentionContexts {
  /** Seventh-character cue stems of each sentence, in token order. */
  private readonly cuesBySentence = new Map<number, readonly string[]>();
  readonly tokenWords: TokenWords;

  constructor(
    private readonly doc: DetectorDoc,
    words: WordStemIds,
    /** The dictionary's entries, whose stems a mention's matches read. */
    readonly entries: readonly DictionaryEntry[],
    /** 1 for a stem that names a condition on its own ({@link TermDictionary.standaloneStems}). */
    private readonly standaloneStems: Uint8Array,
  ) {
    this.tokenWords = words.entriesOf(doc.tokens);
  }

  /**
   * The context of a mention's matches, its list item worked out only when narrowing first reads
   * it: most matches name a billable code already and never do.
   */
  lazilyOf(candidates: MentionCandidates): StemContext {
    return new ListItemContext(this, candidates);
  }

  /** The sentence of token `token`. */
  sentenceOf(token: number): Sentence {
    return this.doc.sentences[this.doc.tokens[token].sentence];
  }

  /** First token of the list item `token` is in: the one after the separator before it, within the sentence. */
  listItemBegin(sentence: Sentence, token: number): number {
    let begin = token;
    while (begin > sentence.tokenBegin && !this.tokenWords.isListSeparator(begin - 1)) begin -= 1;
    return begin;
  }

  /**
   * Last token of the list item `token` is in: the one before the separator after it, within the
   * sentence, or the end of a side or trimester written after a comma ({@link trailingAxisEnd}).
   */
  listItemEnd(sentence: Sentence, token: number): number {
    let end = token;
    while (end < sentence.tokenEnd - 1 && !this.tokenWords.isListSeparator(end + 1)) end += 1;
    return this.trailingAxisEnd(sentence, end);
  }

  /**
   * Notes write a condition's side or trimester after it, as a problem list does: "Carpal tunnel
   * syndrome, right", "Otitis media, left ear". The item after a comma that has such a word, at most
   * {@link MAX_TRAILING_AXIS_WORDS} words and no word that names a condition alone belongs to the
   * item before it; "COPD, left knee pain" is two conditions. Returns `end` when there is none.
   */
  private trailingAxisEnd(sentence: Sentence, end: number): number {
    const comma = end + 1;
    if (comma >= sentence.tokenEnd - 1 || this.doc.tokens[comma].text !== ',') return end;
    const { stemPool, stemsFrom, stemsTo } = this.tokenWords;
    let axis = false;
    let last = comma;
    while (last + 1 < sentence.tokenEnd && !this.tokenWords.isListSeparator(last + 1)) {
      last += 1;
      if (last - comma > MAX_TRAILING_AXIS_WORDS) return end;
      if (AXIS_WORDS.has(this.tokenWords.normalAt(last))) axis = true;
      for (let i = stemsFrom[last]; i < stemsTo[last]; i += 1) if (this.standaloneStems[stemPool[i]] === 1) return end;
    }
    return axis ? last : end;
  }

  /** Token `index` with the single letter written against it ("3" and "b" as "3b"), or null. */
  letteredNumberAt(index: number): string | null {
    return letteredNumberAt(this.doc.tokens, index);
  }

  cuesOf(sentence: Sentence): readonly string[] {
    let cues = this.cuesBySentence.get(sentence.index);
    if (!cues) {
      const found: string[] = [];
      for (let index = sentence.tokenBegin; index < sentence.tokenEnd; index += 1) {
        const stem = this.tokenWords.stemAt(index);
        if (stem !== null && SEVENTH_CHARACTER_CUE_STEMS.has(stem)) found.push(stem);
      }
      cues = found;
      this.cuesBySentence.set(sentence.index, cues);
    }
    return cues;
  }
}

/**
 * The stems of one mention's list item and its sentence's encounter words, read in place: a list
 * item has a few words and narrowing asks a few questions of it, so comparing the token stems
 * costs less than building a set of them. The cues are read only when a cue stem is asked for.
 * A class rather than a closure: the workspace runs through tsx, which names every closure as it
 * is made, at a cost.
 */
/** A stem such as "3b" (stage 3b), which the tokenizer splits into a number and a letter. */
const LETTERED_NUMBER = /^\d+[a-z]$/;

class ListItemContext implements StemContext {
  /** The list item's first and last token; -1 until first asked. */
  private first = -1;
  private last = -1;
  private sentence: Sentence | null = null;

  constructor(
    private readonly contexts: MentionContexts,
    private readonly candidates: MentionCandidates,
  ) {}

  has(stem: string): boolean {
    if (this.first < 0) this.locate();
    const words = this.contexts.tokenWords;
    for (let index = this.first; index <= this.last; index += 1) if (words.stemAt(index) === stem) return true;
    if (LETTERED_NUMBER.test(stem)) {
      for (let index = this.first; index <= this.last; index += 1) if (this.contexts.letteredNumberAt(index) === stem) return true;
    }
    return SEVENTH_CHARACTER_CUE_STEMS.has(stem) && this.contexts.cuesOf(this.sentence as Sentence).includes(stem);
  }

  /**
   * Whether a match of the mention read `stem`: the words a synonym or an abbreviation stands for
   * ("hypertransaminasemia" reads "elevated transaminase level", so narrowing finds transaminases,
   * R74.01, and not LDH).
   */
  matched(stem: string): boolean {
    const entries = this.contexts.entries;
    for (const match of this.candidates.matches) if (entries[match.entry].stems.includes(stem)) return true;
    return false;
  }

  private locate(): void {
    let first = Number.MAX_SAFE_INTEGER;
    let last = -1;
    for (const match of this.candidates.matches) {
      first = Math.min(first, match.tokens[0]);
      last = Math.max(last, match.tokens[match.tokens.length - 1]);
    }
    const sentence = this.contexts.sentenceOf(first);
    this.sentence = sentence;
    this.first = this.contexts.listItemBegin(sentence, first);
    this.last = this.contexts.listItemEnd(sentence, last);
  }
}

