/** Everything the terminology says about one code, with every code it mentions linked. */
import type { CodeRecord, CodeSummary, TabularNotes } from '../api/types.js';
import { el, link, type Child } from '../dom.js';
import { splitCodeReferences } from './code-references.js';

const NOTE_SECTIONS: { kind: keyof TabularNotes; heading: string; hint?: string }[] = [
  { kind: 'inclusionTerms', heading: 'Inclusion terms' },
  { kind: 'includes', heading: 'Includes' },
  { kind: 'excludes1', heading: 'Excludes1', hint: 'Never coded together with this code.' },
  { kind: 'excludes2', heading: 'Excludes2', hint: 'Not part of this code; both may be coded when both are present.' },
  { kind: 'codeFirst', heading: 'Code first' },
  { kind: 'useAdditionalCode', heading: 'Use additional code' },
  { kind: 'codeAlso', heading: 'Code also' },
  { kind: 'notes', heading: 'Notes' },
];

const codeHref = (code: string) => `/codes/${encodeURIComponent(code)}`;

export function buildCodeRecordView(record: CodeRecord, ancestors: CodeSummary[]): HTMLElement {
  return el(
    'article',
    { class: 'code-record', attrs: { 'data-code': record.code } },
    buildBreadcrumbs(record, ancestors),
    el('h1', {}, el('span', { class: 'code-id' }, record.code), ` ${record.title}`),
    el('p', {}, record.billable ? el('span', { class: 'badge billable' }, 'Billable') : el('span', { class: 'badge not-billable' }, 'Not billable: a more specific code is required')),
    record.children.length > 0 && section('Children', codeList(record.children)),
    ...NOTE_SECTIONS.map(({ kind, heading, hint }) => noteSection(heading, record.notes[kind], hint)),
    record.inheritedNotes.length > 0 && section('Notes that apply from above', ...record.inheritedNotes.map(inheritedGroup)),
    record.seventhCharacters.length > 0 && section('Seventh characters', seventhCharacterTable(record)),
    section('Index entries that lead here', indexEntries(record)),
    record.tableCells.length > 0 && section('Table entries', el('ul', {}, ...record.tableCells.map((cell) => el('li', {}, `${cell.table === 'drug' ? 'Table of Drugs' : 'Neoplasm Table'}: ${cell.path.join(' › ')} — ${cell.column} `, codeLink(cell.writtenCode))))),
  );
}

function buildBreadcrumbs(record: CodeRecord, ancestors: CodeSummary[]): HTMLElement {
  const crumbs: Child[] = [
    record.chapter && el('li', {}, `Chapter ${record.chapter.number}: ${record.chapter.title}`),
    record.section && el('li', {}, `${record.section.id} ${record.section.title}`),
    ...ancestors.map((ancestor) => el('li', {}, link(codeHref(ancestor.code), el('span', { class: 'code-id' }, ancestor.code), ` ${ancestor.title}`))),
    el('li', { attrs: { 'aria-current': 'page' } }, el('span', { class: 'code-id' }, record.code)),
  ];
  return el('nav', { class: 'breadcrumbs', attrs: { 'aria-label': 'Place in the Tabular List' } }, el('ol', {}, ...crumbs));
}

function section(heading: string, ...content: Child[]): HTMLElement {
  return el('section', { class: 'record-section' }, el('h2', {}, heading), ...content);
}

function noteSection(heading: string, notes: string[] | undefined, hint?: string): Child {
  if (!notes?.length) return null;
  return section(heading, hint && el('p', { class: 'hint' }, hint), noteList(notes));
}

function noteList(notes: string[]): HTMLElement {
  return el('ul', { class: 'note-list' }, ...notes.map((note) => el('li', {}, ...linkedNote(note))));
}

/** The note's text with each code in it linked. */
function linkedNote(note: string): Child[] {
  return splitCodeReferences(note).map((part) => (part.kind === 'code' ? link(codeHref(part.code), part.text) : part.text));
}

function inheritedGroup(group: CodeRecord['inheritedNotes'][number]): HTMLElement {
  const kinds = NOTE_SECTIONS.filter(({ kind }) => group.notes[kind]?.length);
  const from = /^[A-Z][0-9]/.test(group.from) && !group.from.includes('-') ? codeLink(group.from) : group.from;
  return el(
    'div',
    { class: 'inherited' },
    el('h3', {}, 'From ', from),
    ...kinds.map(({ kind, heading }) => el('div', {}, el('h4', {}, heading), noteList(group.notes[kind] ?? []))),
  );
}

function codeList(codes: CodeSummary[]): HTMLElement {
  return el(
    'ul',
    { class: 'code-children' },
    ...codes.map((child) => el('li', {}, link(codeHref(child.code), el('span', { class: 'code-id' }, child.code), ` ${child.title}`), child.billable ? '' : el('span', { class: 'option-meta' }, ' (not billable)'))),
  );
}

function seventhCharacterTable(record: CodeRecord): HTMLElement {
  return el(
    'table',
    { class: 'seventh-table' },
    el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, 'Character'), el('th', { attrs: { scope: 'col' } }, 'Meaning'))),
    el('tbody', {}, ...record.seventhCharacters.map((seventh) => el('tr', {}, el('td', { class: 'code-id' }, seventh.char), el('td', {}, seventh.description)))),
  );
}

function indexEntries(record: CodeRecord): HTMLElement {
  if (record.indexEntries.length === 0) return el('p', {}, 'No Alphabetic Index entry leads to this code directly.');
  return el(
    'ul',
    { class: 'index-entries' },
    ...record.indexEntries.map((entry) => {
      const words = entry.path.map((step) => (step.nemod ? `${step.title} ${step.nemod}` : step.title));
      const query = entry.path.map((step) => step.title).join(' ');
      return el(
        'li',
        {},
        link(`/codes?q=${encodeURIComponent(query)}`, words.join(' › ')),
        ' → ',
        codeLink(entry.writtenCode),
        entry.source === 'eindex' ? el('span', { class: 'option-meta' }, ' (External Cause Index)') : '',
      );
    }),
  );
}

function codeLink(written: string): HTMLElement {
  const code = written.replace(/\.?-$/, '');
  return link(codeHref(code), el('span', { class: 'code-id' }, written));
}
