import { CLINICAL_SYNONYMS } from './clinical-synonyms.js';
import { MORPHOLOGY_MARKERS } from './neoplasm-markers.js';
import { ORGANIZATION_NAMES } from './organization-names.js';
import { FINDING_PHRASES } from './finding-phrases.js';
import { STEM_CACHE_LIMIT, contentStems, stemOfUncached } from './stems.js';
import { rememberedIn } from '../bounded-memo.js';
import type { TermDictionary } from './term-dictionary.js';
import { NO_SPELLING_ID, type Token, type TokenKind } from '../detector-doc.js';

/**
 * The stems one word offers, in the order sentence matching reads them: its own, its morphology
 * marker, its synonyms. Not remembered here: {@link WordStemIds} keeps each word's.
 */
export function wordStems(normal: string): string[] {
  const stem = stemOfUncached(normal);
  if (stem === null) return [];
  const stems = [stem];
  const marker = MORPHOLOGY_MARKERS.get(stem);
  if (marker) stems.push(marker);
  for (const synonym of CLINICAL_SYNONYMS.get(stem) ?? []) if (synonym !== stem) stems.push(synonym);
  return stems;
}

/** Tokens that separate items of a list (and end a list item): a term's words seldom straddle them. */
const LIST_SEPARATORS: ReadonlySet<string> = new Set([',', ';', 'and', 'or']);

/**
 * Words that deny what follows or precedes them (single-word negation triggers of the ConText
 * rules). A term whose words lie on both sides of one ("lower limbs had no edema") is not what
 * the text says, so matching does not bridge them; a term that has the word itself
 * ("nausea without vomiting") matches it as one of its words.
 */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['no', 'not', 'without', 'denies', 'denied', 'deny', 'denying', 'nor', 'neither', 'never', 'none', 'absent', 'negative']);

/**
 * Words that name where a neoplasm came from: in "brain metastasis from lung carcinoma" the site
 * and the behaviour on either side belong to two neoplasms (C79.31 and C34.90), so a Neoplasm
 * Table entry does not bridge one (no "lung ... metastasis" C78.00).
 */
export const ORIGIN_WORDS: ReadonlySet<string> = new Set(['from']);

/**
 * Words that link two conditions: in "atrial fibrillation with rapid ventricular response" the
 * words on either side belong to different things, so an entry does not bridge one (no
 * "fibrillation ... ventricular", I49.01), unless it is an Index "with" combination, made to.
 */
export const LINKING_WORDS: ReadonlySet<string> = new Set(['with']);

/**
 * Words that may say where a neoplasm went: after a word for spread ("metastatic to the liver"),
 * the site beyond it is the secondary one and the words before it the primary (C18.9 and C78.7
 * for "colon cancer metastatic to the liver", not C78.5 nor C22.9).
 */
export const DESTINATION_WORDS: ReadonlySet<string> = new Set(['to']);

/** Bits of {@link TokenWords.wordOf} beside the word's number. */
export const WORD_FLAGS = {
  /** The normal is one of {@link LIST_SEPARATORS}. */
  listSeparator: 1,
  /** A word whose normal heads an organization's name ({@link ORGANIZATION_NAMES}). */
  organizationHead: 2,
  /** A word or a number: a token that may carry a term's stems. */
  matchable: 4,
  /** The normal is one of {@link NEGATION_WORDS}. */
  negation: 8,
  /** The normal is one of {@link ORIGIN_WORDS}. */
  origin: 16,
  /** The normal is one of {@link LINKING_WORDS}. */
  linking: 32,
  /** The normal is one of {@link DESTINATION_WORDS}. */
  destination: 64,
  /** A word whose normal starts a finding phrase ({@link FINDING_PHRASES}: "ST depression"). */
  findingStart: 128,
} as const;
const FLAG_BITS = 8;
const FLAG_MASK = (1 << FLAG_BITS) - 1;

const NO_IDS: readonly number[] = Object.freeze([]);

/** What one word offers matching: its stem (null for a word without content) and its stems as the dictionary numbers them. */
export interface WordEntry {
  /** The word. */
  readonly normal: string;
  readonly stem: string | null;
  readonly ids: readonly number[];
  /** Its number in {@link WordTables}. */
  readonly word: number;
}

/**
 * Every remembered word by its number: `stemsBegin[word]` holds where its stem numbers begin in
 * `stemPool`, shifted past its {@link WORD_FLAGS}, and `stemsBegin[word + 1]` where they end.
 * Packed arrays, so that reading a token's stems touches a few cache lines shared by all tokens
 * instead of an entry and an array of its own.
 */
interface WordTables {
  readonly entries: WordEntry[];
  stemPool: Int32Array;
  stemsBegin: Int32Array;
  poolLength: number;
}

/**
 * The words of one token list: `wordOf[index]` is the word number of token `index` shifted past
 * its {@link WORD_FLAGS}, and its stem numbers are `stemPool[stemsFrom[index]]` up to
 * `stemPool[stemsTo[index]]`, copied out per token as the tokens are read: the copies are read in
 * token order, the word tables are not. Reads the tables as they were when it was made, so that
 * a word added later (or the tables starting afresh) leaves it valid.
 */
export class TokenWords {
  readonly stemPool: Int32Array;
  private readonly entries: readonly WordEntry[];

  constructor(
    readonly wordOf: readonly number[],
    readonly stemsFrom: readonly number[],
    readonly stemsTo: readonly number[],
    tables: WordTables,
  ) {
    this.stemPool = tables.stemPool;
    this.entries = tables.entries;
  }

  /** `stemOf` the normal of token `index`. */
  stemAt(index: number): string | null {
    return this.entries[this.wordOf[index] >>> FLAG_BITS].stem;
  }

  /** The normal of token `index`, as the word table read it. */
  normalAt(index: number): string {
    return this.entries[this.wordOf[index] >>> FLAG_BITS].normal;
  }

  /** Whether token `index` separates the items of a list ({@link LIST_SEPARATORS}). */
  isListSeparator(index: number): boolean {
    return (this.wordOf[index] & WORD_FLAGS.listSeparator) !== 0;
  }

  /** The stem numbers of token `index`. */
  idsAt(index: number): readonly number[] {
    return this.entries[this.wordOf[index] >>> FLAG_BITS].ids;
  }
}

/**
 * Each word's stem, and its {@link wordStems} numbered by one dictionary (leaving out stems no
 * entry uses), remembered per word: a note repeats its words, and one lookup per token replaces
 * a stem lookup, a marker lookup, a synonym lookup and a stem-number lookup per stem.
 */
export class WordStemIds {
  private readonly byPhrase = new Map<string, readonly number[]>();
  private byWord = new Map<string, WordEntry>();
  private tables: WordTables = emptyTables();
  /**
   * Word numbers by the tokenizer's number for a token's spelling, and the normal each was read
   * for: once the tokenizer numbers afresh, a number may name another word. Arrays read instead
   * of hashing the normal, as the numbers are dense from 0.
   */
  private spellingWords: Int32Array = new Int32Array(1024);
  private spellingNormals: (string | undefined)[] = [];
  /** The token list {@link entriesOf} read last, and its words. */
  private lastTokens: readonly Token[] | null = null;
  private lastWords: TokenWords | null = null;

  constructor(private readonly dictionary: TermDictionary) {}

  /**
   * The words of each token, by token index. Kept for the last token list asked about:
   * match-terms and resolve-codes read the same document's words one after the other, and one
   * lookup per token then serves both.
   */
  entriesOf(tokens: readonly Token[]): TokenWords {
    if (tokens !== this.lastTokens || this.lastWords === null) {
      // Bounded like the stem cache, and only between token lists: clinical text brings new words without end.
      if (this.byWord.size >= STEM_CACHE_LIMIT) this.startAfresh();
      const wordOf = new Array<number>(tokens.length);
      const stemsFrom = new Array<number>(tokens.length);
      const stemsTo = new Array<number>(tokens.length);
      for (let index = 0; index < tokens.length; index += 1) {
        const token = tokens[index];
        const word = this.tokenWord(token);
        // Read after the word: finding a new one may have grown the table.
        const stemsBegin = this.tables.stemsBegin;
        const begin = stemsBegin[word];
        wordOf[index] = (word << FLAG_BITS) | tokenFlags(begin & FLAG_MASK, token.kind);
        stemsFrom[index] = begin >>> FLAG_BITS;
        stemsTo[index] = stemsBegin[word + 1] >>> FLAG_BITS;
      }
      this.lastTokens = tokens;
      this.lastWords = new TokenWords(wordOf, stemsFrom, stemsTo, this.tables);
    }
    return this.lastWords;
  }

  of(normal: string): readonly number[] {
    return this.entry(normal).ids;
  }

  /** `stemOf(normal)`, from the same remembered entry as {@link of}: later stages read the words matching just read. */
  stemOf(normal: string): string | null {
    return this.entry(normal).stem;
  }

  /** The token's word number, found by the number of its spelling where it has one. */
  private tokenWord(token: Token): number {
    const id = token.spellingId;
    return id >= 0 && id < this.spellingNormals.length && this.spellingNormals[id] === token.normal ? this.spellingWords[id] : this.spellingWord(token);
  }

  /** The word number of the token's normal, remembered for its spelling. */
  private spellingWord(token: Token): number {
    const word = this.entry(token.normal).word;
    const id = token.spellingId;
    if (id === NO_SPELLING_ID) return word;
    if (id >= this.spellingWords.length) this.spellingWords = grown(this.spellingWords, id + 1);
    // Grown one slot at a time so that the array stays packed: numbers are dense, from 0.
    while (this.spellingNormals.length <= id) this.spellingNormals.push(undefined);
    this.spellingWords[id] = word;
    this.spellingNormals[id] = token.normal;
    return word;
  }

  private entry(normal: string): WordEntry {
    let entry = this.byWord.get(normal);
    if (entry === undefined) {
      const stems = wordStems(normal);
      entry = { normal, stem: stems[0] ?? null, ids: this.number(stems), word: this.tables.entries.length };
      addWord(this.tables, entry, wordFlags(normal));
      this.byWord.set(normal, entry);
    }
    return entry;
  }

  /** Forgets every word, leaving the tables of earlier token lists as they were. */
  private startAfresh(): void {
    this.byWord = new Map();
    this.tables = emptyTables();
    this.spellingNormals = [];
  }

  /**
   * The dictionary's numbers for the content stems of `phrase`, remembered per phrase: the
   * phrases are abbreviations' senses, a fixed few hundred that notes use over and over.
   */
  ofPhrase(phrase: string): readonly number[] {
    return rememberedIn(this.byPhrase, STEM_CACHE_LIMIT, phrase, this.numberPhrase);
  }

  /** The dictionary's numbers for the content stems of `phrase`. */
  private readonly numberPhrase = (phrase: string): readonly number[] => this.number(contentStems(phrase));

  /** The dictionary's numbers for `stems`, in order, without those it does not know. */
  number(stems: readonly string[]): readonly number[] {
    let ids: number[] | null = null;
    for (const stem of stems) {
      const id = this.dictionary.stemIds.get(stem);
      if (id !== undefined) (ids ??= []).push(id);
    }
    return ids ?? NO_IDS;
  }

  get size(): number {
    return this.byWord.size;
  }
}

function emptyTables(): WordTables {
  return { entries: [], stemPool: new Int32Array(4096), stemsBegin: new Int32Array(1024), poolLength: 0 };
}

/** Appends `entry` as word number `entry.word` (the next). Arrays are replaced, never written over, when they grow. */
function addWord(tables: WordTables, entry: WordEntry, flags: number): void {
  const word = entry.word;
  tables.entries.push(entry);
  if (tables.poolLength + entry.ids.length > tables.stemPool.length) tables.stemPool = grown(tables.stemPool, tables.poolLength + entry.ids.length);
  if (word + 2 > tables.stemsBegin.length) tables.stemsBegin = grown(tables.stemsBegin, word + 2);
  tables.stemsBegin[word] = (tables.poolLength << FLAG_BITS) | flags;
  for (const id of entry.ids) tables.stemPool[tables.poolLength++] = id;
  tables.stemsBegin[word + 1] = tables.poolLength << FLAG_BITS;
}

/** The flags of a token of kind `kind` whose normal has `wordFlags`. */
function tokenFlags(wordFlags: number, kind: TokenKind): number {
  if (kind === 'word') return wordFlags | WORD_FLAGS.matchable;
  return (wordFlags & WORD_FLAGS.listSeparator) | (kind === 'number' ? WORD_FLAGS.matchable : 0);
}

function wordFlags(normal: string): number {
  return (
    (LIST_SEPARATORS.has(normal) ? WORD_FLAGS.listSeparator : 0) |
    (ORGANIZATION_NAMES.heads.has(normal) ? WORD_FLAGS.organizationHead : 0) |
    (FINDING_PHRASES.byFirstWord.has(normal.toLowerCase()) ? WORD_FLAGS.findingStart : 0) |
    (NEGATION_WORDS.has(normal) ? WORD_FLAGS.negation : 0) |
    (ORIGIN_WORDS.has(normal) ? WORD_FLAGS.origin : 0) |
    (LINKING_WORDS.has(normal) ? WORD_FLAGS.linking : 0) |
    (DESTINATION_WORDS.has(normal) ? WORD_FLAGS.destination : 0)
  );
}

/** A copy of `array` with room for at least `size` elements. */
function grown(array: Int32Array, size: number): Int32Array {
  const copy = new Int32Array(Math.max(size, 2 * array.length));
  copy.set(array);
  return copy;
}

const byDictionary = new WeakMap<TermDictionary, WordStemIds>();

/** The shared {@link WordStemIds} of `dictionary`. */
export function wordStemIdsOf(dictionary: TermDictionary): WordStemIds {
  let ids = byDictionary.get(dictionary);
  if (!ids) {
    ids = new WordStemIds(dictionary);
    byDictionary.set(dictionary, ids);
  }
  return ids;
}
