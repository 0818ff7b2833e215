/**
 * Code references inside Tabular notes ("Excludes1: type 1 diabetes mellitus (E10.-)"), so that each
 * can be linked. `E10.-` and `E11.2-` mean "the category and its children": they link to E10, E11.2.
 */

export type NotePart = { kind: 'text'; text: string } | { kind: 'code'; text: string; code: string };

const CODE_REFERENCE = /(?<![A-Za-z0-9])([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(\.?-)?(?![A-Za-z0-9])/g;

export function splitCodeReferences(note: string): NotePart[] {
  const parts: NotePart[] = [];
  let at = 0;
  for (const match of note.matchAll(CODE_REFERENCE)) {
    if (match.index > at) parts.push({ kind: 'text', text: note.slice(at, match.index) });
    parts.push({ kind: 'code', text: match[0], code: match[1] });
    at = match.index + match[0].length;
  }
  if (at < note.length) parts.push({ kind: 'text', text: note.slice(at) });
  return parts;
}

/** Whether typed search text is a code to open rather than words to search for. */
export function looksLikeCode(query: string): boolean {
  return /^[A-Za-z][0-9][0-9A-Za-z](?:\.?[0-9A-Za-z]{1,4})?$/.test(query.trim());
}
