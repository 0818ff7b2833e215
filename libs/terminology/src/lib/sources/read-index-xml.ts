import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { IndexData, IndexSource, IndexTerm } from './source-types.js';

/** The XML document as one string, or a stream of chunks such as `fs.createReadStream(path)`. */
export type XmlInput = AsyncIterable<string | Buffer> | string;

/** Child elements of a `mainTerm`/`term` whose text is kept verbatim (whitespace collapsed). */
const TERM_FIELD_ELEMENTS = ['code', 'manif', 'see', 'seeAlso', 'subcat', 'seecat'] as const;
type TermFieldElement = (typeof TERM_FIELD_ELEMENTS)[number];

/** Title text is a run of plain text and `nemod` pieces; the pieces matter for joining, see {@link joinTitle}. */
type TitlePiece = string | { nemod: string };

/**
 * A `mainTerm` or `term` of any CDC index-shaped file (Index, External Cause Index, Neoplasm Table,
 * Table of Drugs), as read, before it is shaped into an {@link IndexTerm} or a table row.
 */
export interface ParsedIndexEntry {
  parent: number;
  level: number;
  title: string;
  nemod: string;
  fields: Partial<Record<TermFieldElement, string>>;
  /** `cell` text by its `col` attribute (tables only). */
  cells: Map<number, string>;
}

/** Everything {@link parseIndexShapedXml} reads from one file. */
export interface ParsedIndexFile {
  version: string;
  /** `head` text by its `col` attribute (tables only). */
  headings: Map<number, string>;
  entries: ParsedIndexEntry[];
}

/** One open element. `sink` receives its text; elements without their own sink inherit the parent's. */
interface OpenElement {
  name: string;
  sink?: TitlePiece[];
  /** Set on `mainTerm`/`term` elements: the entry's position. */
  entryId?: number;
  close?: (text: TitlePiece[]) => void;
}

const ROOT_ELEMENT = 'ICD10CM.index';

/** Collapses runs of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plainText(pieces: TitlePiece[]): string {
  return collapseWhitespace(pieces.map((piece) => (typeof piece === 'string' ? piece : '')).join(''));
}

/**
 * Joins title text around its nonessential modifiers. The XML drops the space before a `nemod`, so
 * `autonomic<nemod>(poly)</nemod>neuropathy` must become `autonomic neuropathy` while
 * `Cancer<nemod>(o)</nemod>phobia` must stay one word. A modifier of three or more letters between two
 * letters is a word prefix (poly-, post-) and so marks a word boundary; a shorter one is a
 * connecting vowel or spelling variant inside the word.
 */
function joinTitle(pieces: TitlePiece[]): string {
  let joined = '';
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') {
      joined += piece;
      return;
    }
    const next = pieces.slice(index + 1).find((p): p is string => typeof p === 'string') ?? '';
    const letters = piece.nemod.replace(/[^A-Za-z]/g, '');
    if (/[A-Za-z]$/.test(joined) && /^[A-Za-z]/.test(next) && letters.length >= 3) joined += ' ';
  });
  return collapseWhitespace(joined);
}

/**
 * The file sometimes closes a `nemod` after essential words: `and<nemod>(on) chronic
 * (congestive)</nemod>` is "and (on) chronic (congestive)", whose essential words are "and
 * chronic" (I50.23 is acute and chronic heart failure). Only parenthesized text is nonessential;
 * words outside the parentheses go back to the title.
 */
function withEssentialWordsOutOfModifiers(pieces: TitlePiece[]): TitlePiece[] {
  return pieces.flatMap((piece): TitlePiece[] => {
    if (typeof piece === 'string') return [piece];
    const { parenthesized, outside } = splitParenthesized(piece.nemod);
    if (!/[A-Za-z]/.test(outside)) return [piece];
    return [{ nemod: parenthesized }, ` ${outside} `];
  });
}

/** The top-level parenthesized groups of `text` (nesting kept inside them), and the words outside them. */
function splitParenthesized(text: string): { parenthesized: string; outside: string } {
  let depth = 0;
  let parenthesized = '';
  let outside = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (depth > 0) parenthesized += char;
    else outside += char;
    if (char === ')' && depth > 0) {
      depth -= 1;
      if (depth === 0) parenthesized += ' ';
    }
  }
  return { parenthesized: collapseWhitespace(parenthesized), outside: collapseWhitespace(outside) };
}

/** Streams XML text into the parser, decoding Buffers as UTF-8 across chunk boundaries. */
async function feedParser(parser: SaxesParser<{ xmlns: false; position: true }>, input: XmlInput): Promise<void> {
  // saxes itself skips a leading byte-order mark.
  if (typeof input === 'string') {
    parser.write(input);
  } else {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of input) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    }
    parser.write(decoder.decode());
  }
  parser.close();
}

/** Builds the element handlers of one parse; kept apart from the SAX wiring so each stays short. */
class IndexFileBuilder {
  readonly file: ParsedIndexFile = { version: '', headings: new Map(), entries: [] };
  private readonly open: OpenElement[] = [];

  constructor(private readonly fail: (message: string) => never) {}

  openTag(tag: SaxesTagPlain): void {
    const parent = this.open.at(-1);
    if (!parent) this.checkRoot(tag.name);
    const element = this.describe(tag, parent);
    this.open.push(element);
  }

  closeTag(): void {
    const element = this.open.pop();
    if (element?.close && element.sink) element.close(element.sink);
  }

  text(text: string): void {
    const element = this.open.at(-1);
    if (element?.sink) element.sink.push(text);
  }

  private checkRoot(name: string): void {
    if (name !== ROOT_ELEMENT) this.fail(`root element is <${name}>, expected <${ROOT_ELEMENT}>`);
  }

  private describe(tag: SaxesTagPlain, parent: OpenElement | undefined): OpenElement {
    const { name } = tag;
    const entry = parent?.entryId === undefined ? undefined : this.file.entries[parent.entryId];
    if (name === 'mainTerm' || name === 'term') return this.openEntry(tag, parent);
    if (entry) return this.describeEntryChild(tag, entry);
    if (name === 'version' && parent?.name === ROOT_ELEMENT) {
      return { name, sink: [], close: (text) => (this.file.version = plainText(text)) };
    }
    if (name === 'head') {
      const col = this.column(tag);
      return { name, sink: [], close: (text) => this.file.headings.set(col, plainText(text)) };
    }
    return this.describeInline(name, parent);
  }

  /** Markup inside a title or field: `nemod` becomes its own title piece, `old` (addenda deletions) is dropped. */
  private describeInline(name: string, parent: OpenElement | undefined): OpenElement {
    if (name === 'old') return { name };
    if (name === 'nemod' && parent?.name === 'title' && parent.sink) {
      const piece = { nemod: '' };
      parent.sink.push(piece);
      return { name, sink: [], close: (text) => (piece.nemod = plainText(text)) };
    }
    return { name, sink: parent?.sink };
  }

  private openEntry(tag: SaxesTagPlain, parent: OpenElement | undefined): OpenElement {
    const isMain = tag.name === 'mainTerm';
    if (isMain ? parent?.name !== 'letter' : parent?.entryId === undefined) {
      this.fail(`<${tag.name}> inside <${parent?.name ?? 'nothing'}>`);
    }
    const parentId = isMain ? -1 : (parent?.entryId ?? -1);
    const level = isMain ? 0 : this.level(tag, parentId);
    const entryId = this.file.entries.length;
    this.file.entries.push({ parent: parentId, level, title: '', nemod: '', fields: {}, cells: new Map() });
    return { name: tag.name, entryId };
  }

  private describeEntryChild(tag: SaxesTagPlain, entry: ParsedIndexEntry): OpenElement {
    const { name } = tag;
    if (name === 'title') {
      return {
        name,
        sink: [],
        close: (written) => {
          const pieces = withEssentialWordsOutOfModifiers(written);
          entry.title = joinTitle(pieces);
          entry.nemod = collapseWhitespace(pieces.map((p) => (typeof p === 'string' ? '' : ` ${p.nemod}`)).join(''));
        },
      };
    }
    if (isTermField(name)) return { name, sink: [], close: (text) => (entry.fields[name] = plainText(text)) };
    if (name === 'cell') {
      const col = this.column(tag);
      return { name, sink: [], close: (text) => entry.cells.set(col, plainText(text)) };
    }
    return { name };
  }

  private level(tag: SaxesTagPlain, parentId: number): number {
    const level = Number(tag.attributes.level);
    const expected = this.file.entries[parentId].level + 1;
    if (level !== expected) this.fail(`<term level="${tag.attributes.level ?? ''}"> where level ${expected} was expected`);
    return level;
  }

  private column(tag: SaxesTagPlain): number {
    const col = Number(tag.attributes.col);
    if (!Number.isInteger(col) || col < 1) this.fail(`<${tag.name}> without a valid col attribute`);
    return col;
  }
}

function isTermField(name: string): name is TermFieldElement {
  return (TERM_FIELD_ELEMENTS as readonly string[]).includes(name);
}

/**
 * Parses any CDC index-shaped XML file (`ICD10CM.index` root: the Index, the External Cause Index,
 * the Neoplasm Table, the Table of Drugs) into flat entries in document order. Rejects on malformed
 * XML or an unexpected structure with the line and column where the parser stopped.
 */
export async function parseIndexShapedXml(input: XmlInput): Promise<ParsedIndexFile> {
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const fail = (message: string): never => {
    throw new Error(`Index XML error at line ${parser.line}, column ${parser.column}: ${message}`);
  };
  const builder = new IndexFileBuilder(fail);
  // saxes reports "line:column: message"; keep only the message, the position is added by fail().
  parser.on('error', (error) => fail(error.message.replace(/^\d+:\d+: /, '')));
  parser.on('opentag', (tag) => builder.openTag(tag));
  parser.on('closetag', () => builder.closeTag());
  parser.on('text', (text) => builder.text(text));
  parser.on('cdata', (text) => builder.text(text));
  await feedParser(parser, input);
  return builder.file;
}

function toIndexTerm(entry: ParsedIndexEntry, id: number, source: IndexSource): IndexTerm {
  const { code, manif, see, seeAlso, subcat, seecat } = entry.fields;
  const term: IndexTerm = { id, parent: entry.parent, level: entry.level, title: entry.title, nemod: entry.nemod, source };
  if (code) term.code = code;
  if (manif) term.manif = manif;
  if (see) term.see = see;
  if (seeAlso) term.seeAlso = seeAlso;
  if (subcat) term.subcat = subcat;
  if (seecat) term.seeCategory = seecat;
  return term;
}

/**
 * Reads an Alphabetic Index file (`icd10cm_index_YYYY.xml` or `icd10cm_eindex_YYYY.xml`) with a
 * streaming parser and flattens it: main terms and their subterms in document order, each pointing
 * at its parent by position.
 *
 * @param input the XML text itself, or a stream of its chunks (e.g. `fs.createReadStream(path)`).
 * @param source which Index the file is, stamped on every term.
 * @throws (rejects) on malformed XML, with the line and column.
 */
export async function readIndexXml(input: XmlInput, source: IndexSource): Promise<IndexData> {
  const file = await parseIndexShapedXml(input);
  return { version: file.version, source, terms: file.entries.map((entry, id) => toIndexTerm(entry, id, source)) };
}
