import { formatCode } from './code.js';
import type { CodeSet } from './code-set.js';
import type { CompiledCode, CompiledTerminology } from './model-types.js';
import { emptyNotes, inheritablePart, nearestSeventhCharacters } from './notes.js';
import type { CodeRecord, CodeSummary, IndexEntry, IndexPathStep, InheritedNotes, TableCellEntry } from './public-types.js';

export interface RecordContext {
  model: CompiledTerminology;
  codes: ReadonlyMap<string, CompiledCode>;
  codeSet: CodeSet;
  summary(code: string): CodeSummary | null;
  /** Filled on first use: which index terms and table cells lead to each code. */
  reverse?: ReverseReferences;
}

interface CellRef {
  table: number;
  row: number;
  column: number;
}

interface ReverseReferences {
  indexTerms: Map<string, number[]>;
  tableCells: Map<string, CellRef[]>;
}

/** A code's own notes and those it inherits, as its {@link CodeRecord} has them. */
export type CodeNotes = Pick<CodeRecord, 'notes' | 'inheritedNotes'>;

export function buildCodeRecord(context: RecordContext, code: string): CodeRecord {
  const entry = context.codes.get(code) as CompiledCode;
  const { notes, inheritedNotes } = codeNotes(context, code);
  const section = context.model.sections[entry.section];
  const chapter = section ? context.model.chapters[section.chapter] : undefined;
  const reverse = reverseReferences(context);
  return {
    code: formatCode(code),
    title: entry.longTitle,
    shortTitle: entry.shortTitle,
    longTitle: entry.longTitle,
    billable: entry.billable,
    parent: entry.parent ? context.summary(entry.parent) : null,
    children: context.codeSet.childrenOf(code).map((child) => context.summary(child) as CodeSummary),
    chapter: chapter ? { number: chapter.number, title: chapter.title } : null,
    section: section ? { id: section.id, title: section.title } : null,
    notes,
    inheritedNotes,
    seventhCharacters: nearestSeventhCharacters(notes, inheritedNotes),
    addedAfterTabular: !entry.inTabular,
    indexEntries: (reverse.indexTerms.get(code) ?? []).map((termId) => indexEntry(context.model, termId)),
    tableCells: (reverse.tableCells.get(code) ?? []).map((ref) => tableCellEntry(context.model, ref)),
  };
}

/** The notes of a record alone: a caller that reads only them is spared the rest, the Index references above all. */
export function codeNotes(context: RecordContext, code: string): CodeNotes {
  const entry = context.codes.get(code) as CompiledCode;
  return { notes: context.model.notes[code] ?? emptyNotes(), inheritedNotes: collectInheritedNotes(context, entry) };
}

function collectInheritedNotes(context: RecordContext, entry: CompiledCode): InheritedNotes[] {
  const inherited: InheritedNotes[] = [];
  let parent = entry.parent;
  while (parent) {
    const part = inheritablePart(context.model.notes[parent]);
    if (part) inherited.push({ from: formatCode(parent), notes: part });
    parent = context.codes.get(parent)?.parent ?? null;
  }
  const section = context.model.sections[entry.section];
  const sectionPart = inheritablePart(section?.notes);
  if (section && sectionPart) inherited.push({ from: section.id, notes: sectionPart });
  const chapter = section ? context.model.chapters[section.chapter] : undefined;
  const chapterPart = inheritablePart(chapter?.notes);
  if (chapter && chapterPart) inherited.push({ from: `chapter ${chapter.number}`, notes: chapterPart });
  return inherited;
}

function reverseReferences(context: RecordContext): ReverseReferences {
  if (context.reverse) return context.reverse;
  const indexTerms = new Map<string, number[]>();
  context.model.indexTermCodes.forEach((code, termId) => {
    if (code) push(indexTerms, code, termId);
  });
  const tableCells = new Map<string, CellRef[]>();
  context.model.tableCellCodes.forEach((rows, table) =>
    rows.forEach((cells, row) =>
      cells.forEach((code, column) => {
        if (code) push(tableCells, code, { table, row, column });
      }),
    ),
  );
  context.reverse = { indexTerms, tableCells };
  return context.reverse;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Titles from the main term down to `termId`. */
export function indexPath(model: CompiledTerminology, termId: number): IndexPathStep[] {
  const steps: IndexPathStep[] = [];
  for (let id = termId; id >= 0; id = model.indexTerms[id].parent) {
    steps.unshift({ title: model.indexTerms[id].title, nemod: model.indexTerms[id].nemod });
  }
  return steps;
}

function indexEntry(model: CompiledTerminology, termId: number): IndexEntry {
  const term = model.indexTerms[termId];
  return { source: term.source, termId, path: indexPath(model, termId), writtenCode: term.code ?? '' };
}

function tableCellEntry(model: CompiledTerminology, ref: CellRef): TableCellEntry {
  const table = model.tables[ref.table];
  const path: string[] = [];
  for (let id = ref.row; id >= 0; id = table.rows[id].parent) path.unshift(table.rows[id].title);
  return {
    table: table.kind,
    path,
    column: table.headings[ref.column] ?? `column ${ref.column + 2}`,
    writtenCode: table.rows[ref.row].cells[ref.column] ?? '',
  };
}
