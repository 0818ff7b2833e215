/**
 * Shapes produced by the CDC file readers, before the version bridge. Codes here are written as
 * the source file writes them (dotted in the XML files, undotted in the order file) and may not
 * exist in FY2026: only the bridge turns them into FY2026 codes.
 */

/** One row of `icd10cm_order_YYYY.txt`. */
export interface OrderRow {
  /** Sequence number (columns 1-5): not the code. */
  order: number;
  /** Code without the dot, e.g. `E1122`. */
  code: string;
  billable: boolean;
  shortTitle: string;
  longTitle: string;
}

/**
 * One row of `icd10cm_order_addenda_YYYY.txt`. The file writes a revision as a `Revise from:` line
 * followed by a `Revise to:` line; both become one `Revise` row holding the new values.
 */
export interface AddendaRow extends Omit<OrderRow, 'order'> {
  action: 'Add' | 'Delete' | 'Revise';
  /** Only on `Revise` rows: the values of the `Revise from:` line, i.e. before the revision. */
  revisedFrom?: Pick<OrderRow, 'billable' | 'shortTitle' | 'longTitle'>;
}

/** Instructional notes attached to a chapter, section or code in the Tabular List. */
export interface TabularNotes {
  inclusionTerms: string[];
  includes: string[];
  excludes1: string[];
  excludes2: string[];
  codeFirst: string[];
  useAdditionalCode: string[];
  codeAlso: string[];
  notes: string[];
  sevenChrNote: string[];
  /** Seventh-character definitions declared at this node, e.g. `{ char: 'A', description: 'initial encounter for closed fracture' }`. */
  sevenChrDef: SeventhCharacter[];
}

export interface SeventhCharacter {
  char: string;
  description: string;
  /**
   * Terms the Tabular lists under this character (a `note` following its `extension`), e.g.
   * `initial encounter for open fracture NOS` under S72 `B`. Absent when there are none.
   */
  inclusionTerms?: string[];
}

export interface TabularSection {
  /** Section id as the XML writes it, e.g. `E08-E13`. */
  id: string;
  title: string;
  chapter: string;
  notes: TabularNotes;
}

export interface TabularChapter {
  /** Chapter number as written, e.g. `4`. */
  number: string;
  title: string;
  notes: TabularNotes;
}

/** One `diag` node of the Tabular List. */
export interface TabularDiag {
  /** Dotted code as written in the XML, e.g. `E11.22`. */
  code: string;
  title: string;
  /** Dotted code of the enclosing `diag`, absent for a category. */
  parent?: string;
  chapter: string;
  section: string;
  notes: TabularNotes;
}

export interface TabularData {
  version: string;
  chapters: TabularChapter[];
  sections: TabularSection[];
  diags: TabularDiag[];
}

/** Which Index file a term came from. */
export type IndexSource = 'index' | 'eindex';

/**
 * One `mainTerm` or `term` of an Alphabetic Index file, flattened. Terms reference their parent by
 * position in the same array, so a path is walked through `parent`.
 */
export interface IndexTerm {
  /** Position in the flattened array. */
  id: number;
  /** Position of the enclosing term, -1 for a main term. */
  parent: number;
  /** 0 for a main term, then the XML `level` attribute. */
  level: number;
  /** Title without the nonessential modifiers, whitespace collapsed, e.g. `Diabetes, diabetic`. */
  title: string;
  /** Nonessential modifiers as written, e.g. `(mellitus) (sugar)`; empty when none. */
  nemod: string;
  /** Code as written, e.g. `E11.22` or `E11.2-`, possibly an older code. */
  code?: string;
  /** Manifestation code, the bracketed second code of an etiology/manifestation pair. */
  manif?: string;
  /** `see` cross-reference text, e.g. `Infarct, myocardium`. */
  see?: string;
  /** `see also` cross-reference text. */
  seeAlso?: string;
  /** `subcat` text where the Index gives one. */
  subcat?: string;
  /**
   * `seecat` text: the Index sends the coder to a Tabular category instead of giving a code, e.g.
   * `M01` for `Arthritis, in, infectious disease NEC`. Absent when there is none.
   */
  seeCategory?: string;
  source: IndexSource;
}

export interface IndexData {
  version: string;
  source: IndexSource;
  terms: IndexTerm[];
}

/** Neoplasm Table or Table of Drugs and Chemicals, flattened like {@link IndexTerm}. */
export interface TableRow {
  id: number;
  parent: number;
  level: number;
  title: string;
  nemod: string;
  see?: string;
  seeAlso?: string;
  /** One entry per heading column after the first: the code as written, or null for `--`/empty. */
  cells: (string | null)[];
}

export interface TableData {
  version: string;
  kind: 'neoplasm' | 'drug';
  /** Column headings after the first, e.g. `Malignant Primary`. */
  headings: string[];
  rows: TableRow[];
}
