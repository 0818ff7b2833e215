/**
 * Section headings found in the note text itself ("ASSESSMENT AND PLAN:", "PMH: …"), so that the
 * document view can mark where each section starts. The detector reports each span's section, not
 * where sections begin, so this is a display aid and never changes what is coded.
 */

export interface SectionHeading {
  /** Offsets of the label, without its colon. */
  begin: number;
  end: number;
  label: string;
}

/** A heading and the text it heads: up to the next heading, or the end. */
export interface SectionRange extends SectionHeading {
  sectionEnd: number;
}

const CANDIDATE = /^[ \t]*([A-Za-z][A-Za-z0-9 /&,'()-]{1,48}?)[ \t]*:/gm;

/** Headings coders commonly write in mixed case followed by text on the same line. */
const KNOWN_HEADINGS = new Set([
  'chief complaint', 'history of present illness', 'past medical history', 'past surgical history', 'medications',
  'allergies', 'family history', 'social history', 'review of systems', 'physical exam', 'physical examination',
  'assessment', 'plan', 'assessment and plan', 'impression', 'diagnosis', 'diagnoses', 'discharge diagnosis',
  'discharge diagnoses', 'hospital course', 'procedures', 'findings', 'reason for visit',
]);

/**
 * A label counts as a heading when it is short and either written in capitals ("HPI", "CHIEF
 * COMPLAINT"), alone on its line ("Assessment and Plan:"), or a well-known heading. Two-letter
 * capitals ("BP: 120/80") are vital signs, not headings.
 */
function isHeading(label: string, restOfLine: string): boolean {
  if (label.split(/\s+/).length > 6) return false;
  const letters = label.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) return true;
  if (restOfLine.trim() === '') return true;
  return KNOWN_HEADINGS.has(label.toLowerCase());
}

export function findSectionHeadings(text: string): SectionHeading[] {
  const headings: SectionHeading[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const label = match[1];
    const begin = match.index + match[0].indexOf(label);
    const colon = match.index + match[0].length;
    const lineEnd = text.indexOf('\n', colon);
    if (isHeading(label, text.slice(colon, lineEnd < 0 ? text.length : lineEnd))) headings.push({ begin, end: begin + label.length, label });
  }
  return headings;
}

export function findSections(text: string): SectionRange[] {
  const headings = findSectionHeadings(text);
  return headings.map((heading, index) => ({ ...heading, sectionEnd: headings[index + 1]?.begin ?? text.length }));
}
