import { undotCode } from './code.js';
import { createCodeSet, type CodeSet } from './code-set.js';
import {
  COMPILED_FORMAT,
  type CompiledChapter,
  type CompiledCode,
  type CompiledSection,
  type CompiledTerminology,
  type SourceFileInfo,
  type UnplacedCode,
  type BridgedCode,
} from './model-types.js';
import type { IndexData, IndexTerm, OrderRow, TableData, TabularData, TabularNotes } from './sources/source-types.js';
import { createVersionBridge, type VersionBridge } from './version-bridge.js';
import { createIndexNavigator } from './index-navigation.js';
import { buildSearchIndex } from './search-index-builder.js';

export interface ModelSources {
  codeSetYear: number;
  order: OrderRow[];
  tabular?: TabularData;
  indexes: IndexData[];
  tables: TableData[];
  sources: SourceFileInfo[];
}

/** Records what the bridge did with each older code it saw, for the report and the model. */
class BridgeLedger {
  readonly bridged: Record<string, BridgedCode> = {};
  readonly unplaced: UnplacedCode[] = [];
  private readonly seenUnplaced = new Set<string>();

  constructor(private readonly bridge: VersionBridge) {}

  place(written: string | undefined, source: string): string | null {
    if (!written || !/[A-Z]\d/i.test(written)) return null;
    const result = this.bridge.bridge(written);
    const old = undotCode(written);
    if (!result) {
      if (!this.seenUnplaced.has(old)) {
        this.seenUnplaced.add(old);
        this.unplaced.push({ code: old, source });
      }
      return null;
    }
    if (result.method !== 'exact') this.bridged[old] = result;
    return result.code;
  }
}

/** Turns the parsed CDC files into the compiled FY20xx model. Pure: no file access. */
export function buildModel(input: ModelSources): CompiledTerminology {
  const codeSet = createCodeSet(input.order);
  const oldTitles = new Map((input.tabular?.diags ?? []).map((diag) => [undotCode(diag.code), diag.title]));
  const ledger = new BridgeLedger(createVersionBridge(codeSet, oldTitles));
  const { chapters, sections } = compileChaptersAndSections(input.tabular);
  const sectionOf = createSectionAssigner(input.tabular, sections);
  const inTabular = createTabularMembership(input.tabular);
  // A category added after the Tabular edition that sorts outside every section's range (I1A
  // after I16, J4A after J47) belongs where the code list puts it: with the category before it.
  let previousSection = -1;
  const codes: CompiledCode[] = input.order.map((row) => {
    const own = sectionOf(row.code.slice(0, 3));
    const section = own >= 0 ? own : previousSection;
    previousSection = section;
    return {
      code: row.code,
      shortTitle: row.shortTitle,
      longTitle: row.longTitle,
      billable: row.billable,
      parent: codeSet.parentOf(row.code),
      section,
      inTabular: inTabular(row.code),
    };
  });
  const indexTerms = rebaseIndexTerms(input.indexes);
  const seeTargetCodes = resolveSeeTargets(indexTerms, ledger);
  const model: Omit<CompiledTerminology, 'search'> = {
    format: COMPILED_FORMAT,
    builtAt: new Date().toISOString(),
    sources: input.sources,
    codeSetYear: input.codeSetYear,
    codes,
    chapters,
    sections,
    notes: compileNotes(input.tabular, ledger),
    indexTerms,
    // "see subcategory H92.0" (`subcat`) names a header the Tabular completes, as a code ending in "-" does.
    indexTermCodes: indexTerms.map((term) => ledger.place(term.code ?? term.subcat, term.source)),
    tables: input.tables,
    tableCellCodes: input.tables.map((table) =>
      table.rows.map((row) => row.cells.map((cell) => ledger.place(cell ?? undefined, table.kind))),
    ),
    seeTargetCodes,
    bridged: ledger.bridged,
    unplaced: ledger.unplaced,
  };
  const seeTargets = new Map(Object.entries(seeTargetCodes).map(([termId, code]) => [Number(termId), code]));
  return { ...model, search: buildSearchIndex(model, seeTargets) };
}

/**
 * Follows each code-less `see` (or `see also`) reference once at build time (`Attack > heart` -> `Infarct,
 * myocardium` -> I21.9), so that search and the detector find the code without walking the Index.
 */
function resolveSeeTargets(indexTerms: IndexTerm[], ledger: BridgeLedger): Record<number, string> {
  const navigator = createIndexNavigator(indexTerms);
  const targets: Record<number, string> = {};
  indexTerms.forEach((term) => {
    if (term.code || !(term.see || term.seeAlso)) return;
    // Walking the referring term's own path lets the navigator read the reference as a coder does (`by site`...).
    const path: string[] = [];
    for (let id = term.id; id >= 0; id = indexTerms[id].parent) path.unshift(indexTerms[id].title);
    const outcome = navigator.navigate(path[0], path.slice(1));
    const code = outcome.complete ? ledger.place(outcome.code, term.source) : null;
    if (code) targets[term.id] = code;
  });
  return targets;
}

function compileNotes(tabular: TabularData | undefined, ledger: BridgeLedger): Record<string, TabularNotes> {
  const notes: Record<string, TabularNotes> = {};
  for (const diag of tabular?.diags ?? []) {
    if (!hasAnyNote(diag.notes)) continue;
    const target = ledger.place(diag.code, 'tabular');
    // A deleted code's notes would mislead on its ancestor; only exact and successor codes keep them.
    const method = ledger.bridged[undotCode(diag.code)]?.method;
    if (target && method !== 'ancestor') notes[target] = diag.notes;
  }
  return notes;
}

export function hasAnyNote(notes: TabularNotes): boolean {
  return Object.values(notes).some((list) => list.length > 0);
}

function parseRange(id: string): { first: string; last: string } {
  const [first, last] = id.split('-');
  return { first: first.trim(), last: (last ?? first).trim() };
}

function compileChaptersAndSections(tabular: TabularData | undefined) {
  const chapters: CompiledChapter[] = [];
  const sections: CompiledSection[] = [];
  for (const chapter of tabular?.chapters ?? []) {
    const own = (tabular?.sections ?? []).filter((section) => section.chapter === chapter.number);
    const chapterIndex = chapters.length;
    for (const section of own) {
      sections.push({ id: section.id, title: section.title, chapter: chapterIndex, ...parseRange(section.id), notes: section.notes });
    }
    const ranges = own.map((section) => parseRange(section.id));
    chapters.push({
      number: chapter.number,
      title: chapter.title,
      first: ranges[0]?.first ?? '',
      last: ranges[ranges.length - 1]?.last ?? '',
      notes: chapter.notes,
    });
  }
  return { chapters, sections };
}

/**
 * Categories the Tabular knows keep its section; a category added later goes to the narrowest
 * section whose range holds it (ranges alone mislead: `C7A` sorts inside `C76-C80`).
 */
function createSectionAssigner(tabular: TabularData | undefined, sections: CompiledSection[]) {
  const byId = new Map(sections.map((section, position) => [section.id, position]));
  const known = new Map<string, number>();
  for (const diag of tabular?.diags ?? []) {
    if (!diag.parent) known.set(undotCode(diag.code), byId.get(diag.section) ?? -1);
  }
  return (category: string): number => {
    const direct = known.get(category);
    if (direct !== undefined) return direct;
    let best = -1;
    sections.forEach((section, position) => {
      if (section.first <= category && category <= section.last) {
        if (best < 0 || section.id.length < sections[best].id.length) best = position;
      }
    });
    return best;
  };
}

/** Seventh-character codes are defined by their base code's `sevenChrDef`, not listed: test the base. */
function createTabularMembership(tabular: TabularData | undefined): (code: string) => boolean {
  const listed = new Set((tabular?.diags ?? []).map((diag) => undotCode(diag.code)));
  return (code) => listed.has(code) || (code.length === 7 && listed.has(code.slice(0, 6).replace(/X+$/, '')));
}

function rebaseIndexTerms(indexes: IndexData[]): IndexTerm[] {
  const all: IndexTerm[] = [];
  for (const index of indexes) {
    const offset = all.length;
    for (const term of index.terms) {
      all.push({ ...term, id: term.id + offset, parent: term.parent < 0 ? -1 : term.parent + offset });
    }
  }
  return all;
}

export type { CodeSet };
