import { emptyNotes } from '../notes.js';
import type {
  SeventhCharacter,
  TabularChapter,
  TabularData,
  TabularDiag,
  TabularNotes,
  TabularSection,
} from './source-types.js';

type NoteListKey = Exclude<keyof TabularNotes, 'sevenChrDef'>;
type NoteOwner = TabularChapter | TabularSection | TabularDiag;

const ROOT_ELEMENT = 'ICD10CM.tabular';

/** Elements whose `note` children are collected, and the {@link TabularNotes} list they go to. */
const NOTE_LIST_ELEMENTS: Readonly<Record<string, NoteListKey>> = {
  inclusionTerm: 'inclusionTerms',
  includes: 'includes',
  excludes1: 'excludes1',
  excludes2: 'excludes2',
  codeFirst: 'codeFirst',
  useAdditionalCode: 'useAdditionalCode',
  codeAlso: 'codeAlso',
  notes: 'notes',
  sevenChrNote: 'sevenChrNote',
  // The schema lets a chapter's section index carry notes (none in FY2021); they are chapter notes.
  sectionIndex: 'notes',
};

/**
 * Subtrees with nothing a coder's notes need: the introduction restates the conventions, and the
 * H54 visual impairment table is a grid of category values, not instructional text.
 */
const IGNORED_SUBTREES = new Set(['introduction', 'visualImpairment']);

/** The text of the element being read, collected until the element at `depth` closes. */
interface TextCapture {
  depth: number;
  parts: string[];
  done: (text: string) => void;
}

/** Collapses XML whitespace (space, tab, CR, LF) to single spaces and trims. */
function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}


/**
 * Turns the element events of a Tabular List XML document into {@link TabularData}. It only
 * keeps the open chapter, section and diag path, so memory grows with the output, not the input.
 * Structural problems throw plain Errors; the caller adds the line and column.
 */
export class TabularXmlBuilder {
  private readonly data: TabularData = { version: '', chapters: [], sections: [], diags: [] };
  private readonly openElements: string[] = [];
  /** Depth of the ignored subtree being skipped, 0 when none. */
  private ignoredDepth = 0;
  private chapter?: TabularChapter;
  private section?: TabularSection;
  private readonly diagPath: TabularDiag[] = [];
  private noteList?: string[];
  private sevenChrDef?: SeventhCharacter[];
  private capture?: TextCapture;

  /** Handles an opening tag (self-closing tags get a {@link closeTag} call too). */
  openTag(name: string, attributes: Readonly<Record<string, string>>): void {
    this.openElements.push(name);
    // Inside a text element, child tags (`new`, `old`, `diff` in addenda files) only carry text.
    if (this.ignoredDepth > 0 || this.capture) return;
    if (IGNORED_SUBTREES.has(name)) {
      this.ignoredDepth = this.openElements.length;
      return;
    }
    if (this.openElements.length === 1 && name !== ROOT_ELEMENT) {
      throw new Error(`root element is <${name}>, expected <${ROOT_ELEMENT}>`);
    }
    this.dispatchOpen(name, attributes);
  }

  /** Handles a closing tag. */
  closeTag(name: string): void {
    const depth = this.openElements.length;
    this.openElements.pop();
    if (this.ignoredDepth > 0) {
      if (depth === this.ignoredDepth) this.ignoredDepth = 0;
      return;
    }
    if (this.capture) {
      if (depth === this.capture.depth) this.finishCapture(this.capture);
      return;
    }
    this.dispatchClose(name);
  }

  /** Handles text or CDATA; only text inside a name, desc, note or extension is kept. */
  text(text: string): void {
    this.capture?.parts.push(text);
  }

  /** The data read so far; complete once the parser has seen the end of the document. */
  result(): TabularData {
    return this.data;
  }

  private dispatchOpen(name: string, attributes: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'chapter':
        return this.openChapter();
      case 'section':
        return this.openSection(attributes);
      case 'diag':
        return this.openDiag();
      case 'sevenChrDef':
        this.sevenChrDef = this.currentOwner(name).notes.sevenChrDef;
        return;
      case 'extension':
        return this.openExtension(attributes);
      case 'note':
        return this.openNote();
      case 'version':
      case 'name':
      case 'desc':
        return this.openLabel(name);
    }
    if (Object.hasOwn(NOTE_LIST_ELEMENTS, name)) {
      this.noteList = this.currentOwner(name).notes[NOTE_LIST_ELEMENTS[name]];
    }
  }

  private dispatchClose(name: string): void {
    switch (name) {
      case 'chapter':
        if (this.chapter?.number === '') throw new Error('<chapter> without a <name>');
        this.chapter = undefined;
        return;
      case 'section':
        this.section = undefined;
        return;
      case 'diag':
        if (this.diagPath.pop()?.code === '') throw new Error('<diag> without a <name>');
        return;
      case 'sevenChrDef':
        this.sevenChrDef = undefined;
        return;
    }
    if (Object.hasOwn(NOTE_LIST_ELEMENTS, name)) this.noteList = undefined;
  }

  private openChapter(): void {
    this.chapter = { number: '', title: '', notes: emptyNotes() };
    this.data.chapters.push(this.chapter);
  }

  private openSection(attributes: Readonly<Record<string, string>>): void {
    if (!this.chapter) throw new Error('<section> outside a <chapter>');
    const id = attributes.id?.trim();
    if (!id) throw new Error('<section> without an id attribute');
    this.section = { id, title: '', chapter: this.chapter.number, notes: emptyNotes() };
    this.data.sections.push(this.section);
  }

  private openDiag(): void {
    if (!this.chapter || !this.section) throw new Error('<diag> outside a <section>');
    const parent = this.diagPath.at(-1)?.code;
    const diag: TabularDiag = {
      code: '',
      title: '',
      ...(parent === undefined ? {} : { parent }),
      chapter: this.chapter.number,
      section: this.section.id,
      notes: emptyNotes(),
    };
    this.diagPath.push(diag);
    this.data.diags.push(diag);
  }

  private openExtension(attributes: Readonly<Record<string, string>>): void {
    const definitions = this.sevenChrDef;
    if (!definitions) return;
    const char = attributes.char?.trim();
    if (!char) throw new Error('<extension> without a char attribute');
    this.startCapture((description) => definitions.push({ char, description }));
  }

  private openNote(): void {
    const definitions = this.sevenChrDef;
    if (definitions) {
      // A note inside sevenChrDef is a term listed under the extension before it.
      const owner = this.currentOwner('note');
      this.startCapture((term) => {
        const extension = definitions.at(-1);
        if (!extension) owner.notes.sevenChrNote.push(term);
        else (extension.inclusionTerms ??= []).push(term);
      });
    } else if (this.noteList) {
      const list = this.noteList;
      this.startCapture((note) => list.push(note));
    }
  }

  /** `version` of the document, `name` and `desc` of a chapter, section or diag. */
  private openLabel(name: 'version' | 'name' | 'desc'): void {
    const parent = this.openElements.at(-2);
    const diag = this.diagPath.at(-1);
    if (name === 'version' && parent === ROOT_ELEMENT) {
      this.startCapture((text) => (this.data.version = text));
    } else if (parent === 'diag' && diag) {
      this.startCapture((text) => (name === 'name' ? (diag.code = text) : (diag.title = text)));
    } else if (parent === 'section' && this.section && name === 'desc') {
      const section = this.section;
      this.startCapture((text) => (section.title = text));
    } else if (parent === 'chapter' && this.chapter) {
      const chapter = this.chapter;
      this.startCapture((text) => (name === 'name' ? (chapter.number = text) : (chapter.title = text)));
    }
  }

  private currentOwner(element: string): NoteOwner {
    const owner = this.diagPath.at(-1) ?? this.section ?? this.chapter;
    if (!owner) throw new Error(`<${element}> outside a chapter, section or diag`);
    return owner;
  }

  private startCapture(done: (text: string) => void): void {
    this.capture = { depth: this.openElements.length, parts: [], done };
  }

  private finishCapture(capture: TextCapture): void {
    this.capture = undefined;
    const text = collapseWhitespace(capture.parts.join(''));
    if (text !== '') capture.done(text);
  }
}
