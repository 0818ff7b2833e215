import type { IndexTerm, TableData, TabularNotes } from './sources/source-types.js';

/** Bump when the compiled layout changes: artifacts of another format are rebuilt. */
export const COMPILED_FORMAT = 11;

/** One FY2026 code or header as compiled. Codes are undotted inside the model. */
export interface CompiledCode {
  code: string;
  shortTitle: string;
  longTitle: string;
  billable: boolean;
  /** Undotted parent code, null for a category. */
  parent: string | null;
  /** Position in {@link CompiledTerminology.sections}, -1 when no section covers it. */
  section: number;
  /** False for codes the Tabular edition does not define (added after it): they carry no notes. */
  inTabular: boolean;
}

export interface CompiledChapter {
  number: string;
  title: string;
  /** First and last 3-character category of the chapter, from its sections. */
  first: string;
  last: string;
  notes: TabularNotes;
}

export interface CompiledSection {
  id: string;
  title: string;
  chapter: number;
  first: string;
  last: string;
  notes: TabularNotes;
}

/** How an older code was carried into FY2026. */
export type BridgeMethod = 'exact' | 'successor' | 'ancestor';

export interface BridgedCode {
  /** Undotted FY2026 code (may be a header). */
  code: string;
  method: BridgeMethod;
}

/** An older code that could not be placed in FY2026, and where it came from. */
export interface UnplacedCode {
  code: string;
  source: string;
}

export interface SourceFileInfo {
  kind: SourceKind;
  file: string;
  year: number;
  sha256: string;
}

export type SourceKind = 'order' | 'addenda' | 'tabular' | 'index' | 'eindex' | 'neoplasm' | 'drug';

/** The whole model as written to the compiled artifact. */
export interface CompiledTerminology {
  format: number;
  builtAt: string;
  sources: SourceFileInfo[];
  /** Fiscal year of the code set, e.g. 2026. */
  codeSetYear: number;
  codes: CompiledCode[];
  chapters: CompiledChapter[];
  sections: CompiledSection[];
  /** Tabular notes by undotted code, only for codes that have any. */
  notes: Record<string, TabularNotes>;
  /** Index and external-cause Index terms, one array, ids rebased. */
  indexTerms: IndexTerm[];
  /** Bridged FY2026 code per index term (same position), null when it has none or it was unplaced. */
  indexTermCodes: (string | null)[];
  tables: TableData[];
  /** Bridged FY2026 code per table cell, parallel to `tables[t].rows[r].cells[c]`. */
  tableCellCodes: (string | null)[][][];
  /** FY code reached by following the `see` reference of index terms that carry no code, by term id. */
  seeTargetCodes: Record<number, string>;
  search: CompiledSearchIndex;
  /** Older codes that the bridge mapped to a different FY2026 code, by undotted old code. */
  bridged: Record<string, BridgedCode>;
  unplaced: UnplacedCode[];
}

/** Inverted index for search, compiled with the artifact. */
export interface CompiledSearchIndex {
  /** Sorted stems. */
  vocabulary: string[];
  /** Document ids holding each stem in their essential words, ascending, parallel to `vocabulary`. */
  postings: number[][];
  /** Document ids holding each stem only in nonessential modifiers: a weaker match. */
  modifierPostings: number[][];
  /** Position in `codes` of each document's code. */
  docCode: number[];
  /** 0 title, 1 inclusion term, 2 Index path. */
  docSource: number[];
  /** Title: position in `codes`; inclusion term: position in `inclusionTexts`; Index path: term id. */
  docRef: number[];
  /** Distinct stems per document, nonessential modifiers not counted (they widen, not narrow, an entry). */
  docLength: number[];
  inclusionTexts: string[];
  /** Every distinct word seen, sorted, and the position of its stem in `vocabulary` (typos are matched on words, not stems). */
  words: string[];
  wordStems: number[];
}
