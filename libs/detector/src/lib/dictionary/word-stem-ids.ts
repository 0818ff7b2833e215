import { CLINICAL_SYNONYMS } from './clinical-synonyms.js';
import { MORPHOLOGY_MARKERS } from './neoplasm-markers.js';
import { STEM_CACHE_LIMIT, contentStems, stemOf } from './stems.js';
import type { TermDictionary } from './term-dictionary.js';
import { NO_SPELLING_ID, type Token } from '../detector-doc.js';

/** The stems one word offers, in the order sentence matching reads them: its own, its morphology marker, its synonyms. */
export function wordStems(normal: string): string[] {
  const stem = stemOf(normal);
  if (stem === null) return [];
  const stems = [stem];
  const marker = MORPHOLOGY_MARKERS.get(stem);
  if (marker) stems.push(marker);
  for (const synonym of CLINICAL_SYNONYMS.get(stem) ?? []) if (synonym !== stem) stems.push(synonym);
  return stems;
}

const NO_IDS: readonly number[] = Object.freeze([]);

/** What one word offers matching: its stem (null for a word without content) and its stems as the dictionary numbers them. */
export interface WordEntry {
  /** The word. */
  readonly normal: string;
  readonly stem: string | null;
  readonly ids: readonly number[];
}

/**
 * Each word's stem, and its {@link wordStems} numbered by one dictionary (leaving out stems no
 * entry uses), remembered per word: a note repeats its words, and one lookup per token replaces
 * a stem lookup, a marker lookup, a synonym lookup and a stem-number lookup per stem.
 */
export class WordStemIds {
  private readonly byWord = new Map<string, WordEntry>();
  private readonly byPhrase = new Map<string, readonly number[]>();
  /**
   * The same entries by the tokenizer's number for a token's spelling: an array read instead of
   * hashing the normal. Packed (holes are undefined, filled in as numbers come) because the
   * numbers are dense from 0.
   */
  private readonly bySpelling: (WordEntry | undefined)[] = [];
  /** The token list {@link entriesOf} read last, and its entries. */
  private lastTokens: readonly Token[] | null = null;
  private lastEntries: readonly WordEntry[] = [];

  constructor(private readonly dictionary: TermDictionary) {}

  /**
   * The entry of each token's normal, by token index. Kept for the last token list asked about:
   * match-terms and resolve-codes read the same document's words one after the other, and one
   * lookup per token then serves both.
   */
  entriesOf(tokens: readonly Token[]): readonly WordEntry[] {
    if (tokens !== this.lastTokens) {
      const entries = new Array<WordEntry>(tokens.length);
      for (let index = 0; index < tokens.length; index += 1) entries[index] = this.tokenEntry(tokens[index]);
      this.lastTokens = tokens;
      this.lastEntries = entries;
    }
    return this.lastEntries;
  }

  of(normal: string): readonly number[] {
    return this.entry(normal).ids;
  }

  /** `stemOf(normal)`, from the same remembered entry as {@link of}: later stages read the words matching just read. */
  stemOf(normal: string): string | null {
    return this.entry(normal).stem;
  }

  /** The entry of the token's normal, by the number of its spelling where it has one. */
  private tokenEntry(token: Token): WordEntry {
    const id = token.spellingId;
    if (id === NO_SPELLING_ID) return this.entry(token.normal);
    const bySpelling = this.bySpelling;
    let entry = bySpelling[id];
    // Checked by its normal: once the tokenizer numbers afresh, a number may name another word.
    if (entry === undefined || entry.normal !== token.normal) {
      entry = this.entry(token.normal);
      while (bySpelling.length <= id) bySpelling.push(undefined);
      bySpelling[id] = entry;
    }
    return entry;
  }

  private entry(normal: string): WordEntry {
    let entry = this.byWord.get(normal);
    if (entry === undefined) {
      const stems = wordStems(normal);
      entry = { normal, stem: stems[0] ?? null, ids: this.number(stems) };
      // Bounded like the stem cache: clinical text brings new words without end.
      if (this.byWord.size >= STEM_CACHE_LIMIT) this.byWord.clear();
      this.byWord.set(normal, entry);
    }
    return entry;
  }

  /**
   * The dictionary's numbers for the content stems of `phrase`, remembered per phrase: the
   * phrases are abbreviations' senses, a fixed few hundred that notes use over and over.
   */
  ofPhrase(phrase: string): readonly number[] {
    let ids = this.byPhrase.get(phrase);
    if (ids === undefined) {
      ids = this.number(contentStems(phrase));
      if (this.byPhrase.size >= STEM_CACHE_LIMIT) this.byPhrase.clear();
      this.byPhrase.set(phrase, ids);
    }
    return ids;
  }

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
