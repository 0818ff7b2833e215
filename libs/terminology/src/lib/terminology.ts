import { formatCode, normalizeCode, undotCode } from './code.js';
import { createCodeSet, type CodeSet } from './code-set.js';
import { buildCodeRecord, codeNotes, type CodeNotes, type RecordContext } from './code-record.js';
import { createIndexNavigator } from './index-navigation.js';
import type { CompiledCode, CompiledTerminology } from './model-types.js';
import type { CodeRecord, CodeSummary, NavigationOutcome, SearchHit, SearchOptions, ValidationResult } from './public-types.js';
import { createSearchIndex, type SearchIndex } from './search-index.js';
import { validateCode } from './validate-code.js';
import { resolveBillable, type BillableResolution } from './version-bridge.js';

export interface TerminologyVersion {
  system: 'ICD-10-CM';
  /** e.g. `FY2026` */
  version: string;
  sources: { kind: string; file: string; year: number }[];
}

/**
 * The ICD-10-CM model in memory: lookup, validation, hierarchy, notes, Index navigation and search.
 * Built from a compiled artifact; every code it hands out exists in the code set it was built on.
 */
export class Terminology {
  readonly version: TerminologyVersion;
  private readonly codes = new Map<string, CompiledCode>();
  private readonly codeSet: CodeSet;
  private readonly context: RecordContext;
  private readonly navigator: ReturnType<typeof createIndexNavigator>;
  private searchIndex: SearchIndex | null = null;

  constructor(private readonly model: CompiledTerminology) {
    for (const code of model.codes) this.codes.set(code.code, code);
    this.codeSet = createCodeSet(model.codes);
    this.navigator = createIndexNavigator(model.indexTerms);
    this.context = { model, codes: this.codes, codeSet: this.codeSet, summary: (code) => this.summary(code) };
    this.version = {
      system: 'ICD-10-CM',
      version: `FY${model.codeSetYear}`,
      sources: model.sources.map(({ kind, file, year }) => ({ kind, file, year })),
    };
  }

  /** The compiled model this instance serves (read-only by convention). */
  get compiled(): CompiledTerminology {
    return this.model;
  }

  get size(): number {
    return this.codes.size;
  }

  get billableCount(): number {
    return this.model.codes.filter((code) => code.billable).length;
  }

  /** Full record of a code written in any common form (`e119`, `E11.9`, ` E11 9`), or null. */
  lookup(input: string): CodeRecord | null {
    const code = normalizeCode(input);
    if (!code || !this.codes.has(code)) return null;
    return buildCodeRecord(this.context, code);
  }

  /**
   * The notes of a code written in any common form, its own and those it inherits, as {@link lookup}
   * reports them, or null: building the rest of a record (children, Index references) costs many
   * times more, and checking notes is done for every code a document proposes.
   */
  notesOf(input: string): CodeNotes | null {
    const code = normalizeCode(input);
    if (!code || !this.codes.has(code)) return null;
    return codeNotes(this.context, code);
  }

  /** Dotted code, title and billable flag, or null for an unknown code. */
  summary(input: string): CodeSummary | null {
    const entry = this.codes.get(undotCode(input));
    return entry ? { code: formatCode(entry.code), title: entry.longTitle, billable: entry.billable } : null;
  }

  /** Number of the chapter a code belongs to ("1" for A41.51 and B96.20 alike), or null for an unknown code. */
  chapterOf(input: string): string | null {
    const entry = this.codes.get(undotCode(input));
    const section = entry ? this.model.sections[entry.section] : undefined;
    return section ? (this.model.chapters[section.chapter]?.number ?? null) : null;
  }

  has(input: string): boolean {
    return this.codes.has(undotCode(input));
  }

  isBillable(input: string): boolean {
    return this.codes.get(undotCode(input))?.billable ?? false;
  }

  validate(input: string): ValidationResult {
    return validateCode(this.context, input);
  }

  children(input: string): CodeSummary[] {
    return this.codeSet.childrenOf(undotCode(input)).map((child) => this.summary(child) as CodeSummary);
  }

  /** Parent first, category last. */
  ancestors(input: string): CodeSummary[] {
    const result: CodeSummary[] = [];
    let parent = this.codeSet.parentOf(undotCode(input));
    while (parent) {
      result.push(this.summary(parent) as CodeSummary);
      parent = this.codeSet.parentOf(parent);
    }
    return result;
  }

  /** From a header to the billable code used when nothing more is documented (dotted). */
  resolveBillable(input: string, seventh = 'A'): BillableResolution | null {
    const resolution = resolveBillable(this.codeSet, undotCode(input), seventh);
    if (!resolution) return null;
    return {
      code: formatCode(resolution.code),
      steps: resolution.steps.map((step) => ({ ...step, from: formatCode(step.from), to: formatCode(step.to) })),
    };
  }

  /** The current code for a code written by an older Index, Tabular or table, or null when unplaced. */
  bridge(written: string): string | null {
    const code = undotCode(written);
    if (this.codes.has(code)) return formatCode(code);
    const bridged = this.model.bridged[code];
    return bridged ? formatCode(bridged.code) : null;
  }

  /** Walks the Alphabetic Index: `navigate('Diabetes', ['type 2', 'with', 'chronic kidney disease'])`. */
  navigate(mainTerm: string, modifiers: string[] = []): NavigationOutcome {
    const result = this.navigator.navigate(mainTerm, modifiers);
    const code = result.code ? this.bridge(result.code) ?? undefined : undefined;
    const billable = code ? this.resolveBillable(code)?.code : undefined;
    return {
      code,
      billableCode: billable,
      manifestationCode: result.manif ? this.bridge(result.manif) ?? undefined : undefined,
      writtenCode: result.code,
      path: result.path,
      followed: result.followed,
      unmatched: result.unmatched,
      complete: result.complete,
      stoppedAt: result.stoppedAt,
    };
  }

  /** Ranked search over titles, inclusion terms and Index paths. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.getSearchIndex().search(query, options.limit ?? 10);
  }

  /** Builds the search index now rather than on the first search. */
  prepareSearch(): void {
    this.getSearchIndex().prepare();
  }

  private getSearchIndex(): SearchIndex {
    this.searchIndex ??= createSearchIndex(this.model, (code) => this.summary(code));
    return this.searchIndex;
  }
}
