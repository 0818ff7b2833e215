import type { SeventhCharacter, TabularNotes } from './sources/source-types.js';

/** Codes handed out by the library are dotted: `E11.22`. */
export interface CodeSummary {
  code: string;
  title: string;
  billable: boolean;
}

/** Notes that apply to a code because an ancestor, its section or its chapter carries them. */
export interface InheritedNotes {
  /** Dotted code, section id (`E08-E13`) or `chapter 4`. */
  from: string;
  notes: Partial<TabularNotes>;
}

export interface IndexPathStep {
  title: string;
  nemod: string;
}

/** An Alphabetic Index entry that leads to a code. */
export interface IndexEntry {
  source: 'index' | 'eindex';
  termId: number;
  path: IndexPathStep[];
  /** The code as the Index writes it (it may be older than the code set). */
  writtenCode: string;
}

/** A Neoplasm Table or Table of Drugs cell that leads to a code. */
export interface TableCellEntry {
  table: 'neoplasm' | 'drug';
  path: string[];
  column: string;
  writtenCode: string;
}

export interface CodeRecord extends CodeSummary {
  shortTitle: string;
  longTitle: string;
  parent: CodeSummary | null;
  children: CodeSummary[];
  chapter: { number: string; title: string } | null;
  section: { id: string; title: string } | null;
  /** Notes written at this code in the Tabular List. */
  notes: TabularNotes;
  /** Notes inherited from ancestors, section and chapter, nearest first. */
  inheritedNotes: InheritedNotes[];
  /** Seventh characters that apply (own or inherited), empty when none. */
  seventhCharacters: SeventhCharacter[];
  /** Set when this code carries no Tabular node (added after the Tabular edition). */
  addedAfterTabular: boolean;
  indexEntries: IndexEntry[];
  tableCells: TableCellEntry[];
}

export type InvalidReason = 'malformed' | 'unknown' | 'header' | 'needs-seventh-character' | 'invalid-seventh-character';

export type ValidationResult =
  | { valid: true; code: string; title: string }
  | { valid: false; input: string; code?: string; reason: InvalidReason; message: string; suggestions: CodeSummary[] };

export interface SearchOptions {
  limit?: number;
}

export interface SearchHit {
  code: string;
  title: string;
  billable: boolean;
  /** In (0, 1], relative to the best hit of the query. */
  score: number;
  /** Why it matched: which title, inclusion term or Index path. */
  matched: { source: 'title' | 'inclusion' | 'index'; text: string };
}

export interface NavigationOutcome {
  /** Dotted FY code reached, bridged from the Index's code; absent when the path reached none. */
  code?: string;
  /** The billable code the documentation supports by default (unspecified child), when `code` is a header. */
  billableCode?: string;
  manifestationCode?: string;
  writtenCode?: string;
  path: string[];
  followed: string[];
  unmatched: string[];
  complete: boolean;
  /** Set when a reference could not be followed, e.g. into the Neoplasm Table. */
  stoppedAt?: string;
}
