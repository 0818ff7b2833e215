/**
 * Finds section headers and tiles the text into sections. Headers are recognised only where notes
 * put them: at the start of a line (after indentation and bullets), followed by a colon or by the
 * end of the line; or run on after a sentence's end and followed by a colon ("CC: chest pain. HPI:
 * 58 yo F..."), as a note typed into one box has them. A header word inside a sentence never opens
 * a section.
 */
import type { DetectorDoc, Section } from '../detector-doc.js';
import { withLayers } from '../detector-doc.js';
import type { SectionRules } from '../rules/section-rules.js';
import type { Stage } from '../stage.js';

/** Name the sectionize stage records in `doc.completedStages`. */
export const SECTIONIZE_STAGE = 'sectionize';

/** A header found in the text. */
export interface SectionHeader {
  readonly category: string;
  readonly begin: number;
  readonly end: number;
}

const LINE_BREAK = /\r\n?|[\n\u2028\u2029\u0085]/g;
/** Indentation, then optional bullets or numbering, then indentation again. */
const LINE_PREFIX = /[ \t]*(?:(?:[-*•#>]+|\d{1,2}[.)])[ \t]*)?/y;
/**
 * What may follow a header: a short parenthetical (`(HPI)`), markdown emphasis, then a colon or
 * nothing up to the line end.
 */
const HEADER_END = /[ \t]*(?:\([^()\n]{1,24}\))?[ \t]*(?:\*\*|__)?[ \t]*(?::|$)/y;
/** Longest stretch after a header that {@link HEADER_END} can need to see. */
const HEADER_END_REACH = 48;

/** Start offsets of every line, and where each line's content ends (before its line break). */
function lineSpans(text: string): { begin: number; end: number }[] {
  const lines: { begin: number; end: number }[] = [];
  let begin = 0;
  LINE_BREAK.lastIndex = 0;
  for (let found = LINE_BREAK.exec(text); found; found = LINE_BREAK.exec(text)) {
    lines.push({ begin, end: found.index });
    begin = found.index + found[0].length;
  }
  lines.push({ begin, end: text.length });
  return lines;
}

/** The header that opens the line [begin, end), or null. */
function headerOnLine(text: string, begin: number, end: number, rules: SectionRules): SectionHeader | null {
  LINE_PREFIX.lastIndex = begin;
  const prefix = LINE_PREFIX.exec(text);
  const start = begin + (prefix ? prefix[0].length : 0);
  if (start >= end) return null;
  const match = rules.headers.matchAt(text, start);
  if (!match || match.end > end) return null;
  // `$` needs the line alone: test the rest of the line, not the rest of the text.
  const rest = text.slice(match.end, Math.min(end, match.end + HEADER_END_REACH));
  HEADER_END.lastIndex = 0;
  const atLineEnd = match.end + rest.length === end;
  const tail = HEADER_END.exec(rest);
  if (!tail || (!tail[0].endsWith(':') && !(atLineEnd && tail[0].length === rest.length))) return null;
  return { category: match.value.category, begin: match.begin, end: match.end };
}

/** What must follow a run-on header: an optional short parenthetical, then a colon. */
const RUN_ON_HEADER_END = /[ \t]*(?:\([^()\n]{1,24}\))?[ \t]*(?:\*\*|__)?:/y;

/**
 * Headers that run on in the line [begin, end) after the end of a sentence (a period, question or
 * exclamation mark and blanks), in order. Scanned by hand within the line, so that a long text of
 * lines without a sentence's end costs no search past each line.
 */
function runOnHeaders(text: string, begin: number, end: number, rules: SectionRules, into: SectionHeader[]): void {
  for (let at = begin; at < end - 1; at += 1) {
    const code = text.charCodeAt(at);
    if ((code !== 46 && code !== 33 && code !== 63) || !isBlank(text.charCodeAt(at + 1))) continue;
    let start = at + 1;
    while (start < end && isBlank(text.charCodeAt(start))) start += 1;
    const match = start < end ? rules.headers.matchAt(text, start) : null;
    if (!match || match.end > end) continue;
    RUN_ON_HEADER_END.lastIndex = match.end;
    const tail = RUN_ON_HEADER_END.exec(text);
    if (tail && match.end + tail[0].length <= end) into.push({ category: match.value.category, begin: match.begin, end: match.end });
  }
}

/** A space or a tab. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The offset of the first colon at or after `from`; the text's length when there is none. */
function colonFrom(text: string, from: number): number {
  const at = text.indexOf(':', from);
  return at < 0 ? text.length : at;
}

/** Every header in `text`, in order. */
export function findSectionHeaders(text: string, rules: SectionRules): SectionHeader[] {
  const headers: SectionHeader[] = [];
  // Most lines of prose hold no colon, so no run-on header: the next colon is found once for all
  // the lines before it, which keeps the search linear in the text.
  let nextColon = -1;
  for (const line of lineSpans(text)) {
    const header = headerOnLine(text, line.begin, line.end, rules);
    if (header) headers.push(header);
    if (nextColon < line.begin) nextColon = colonFrom(text, line.begin);
    if (nextColon < line.end) runOnHeaders(text, header ? header.end : line.begin, line.end, rules, headers);
  }
  return headers;
}

/** Sections that tile `text`: a null-category section before the first header, then one per header. */
export function buildSections(text: string, headers: readonly SectionHeader[]): Section[] {
  if (text.length === 0) return [];
  const sections: Section[] = [];
  const firstBegin = headers.length > 0 ? headers[0].begin : text.length;
  if (firstBegin > 0) sections.push({ category: null, begin: 0, end: firstBegin, header: null });
  headers.forEach((header, i) => {
    const end = i + 1 < headers.length ? headers[i + 1].begin : text.length;
    const headerSpan = { begin: header.begin, end: header.end, text: text.slice(header.begin, header.end) };
    sections.push({ category: header.category, begin: header.begin, end, header: headerSpan });
  });
  return sections;
}

/** Stage: fills `sections`. Needs no other layer. */
export const sectionize: Stage = (doc: DetectorDoc, deps) => {
  const headers = findSectionHeaders(doc.text, deps.rules.sections);
  return withLayers(doc, SECTIONIZE_STAGE, { sections: buildSections(doc.text, headers) });
};
