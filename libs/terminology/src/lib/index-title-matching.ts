/**
 * How a coder's words are compared with Alphabetic Index titles, and how the Index's own
 * cross-reference text is read. Kept apart from the navigator so the matching rules can be tested
 * and tuned on their own.
 */

import type { IndexSource } from './sources/source-types.js';

/**
 * Subterms that only join a term to its combination subterms: the Index lists e.g. `Diabetes, type 2,
 * with, chronic kidney disease`, and a coder saying "type 2 diabetes with CKD" may omit the `with`.
 */
export const CONNECTOR_TITLES: ReadonlySet<string> = new Set([
  'with', 'without', 'due to', 'in', 'following', 'complicating', 'complicated by', 'associated with',
  'resulting in', 'involving', 'causing', 'and', 'during', 'from', 'of', 'by', 'after', 'on', 'to',
]);

/** Connectors that may be dropped from the front of a title: `without` and friends change the meaning. */
const DROPPABLE_CONNECTORS = ['associated with', 'complicated by', 'resulting in', 'due to', 'with', 'in', 'of', 'following'];

/** How well a query matched a title; lower is better, undefined means no match. */
export type MatchRank = 0 | 1 | 2 | 3;

/** A title prepared for matching: every form is a normalized word string, see {@link normalizeWords}. */
export interface TitleForms {
  /** The whole title. */
  full: string;
  /** Alternatives the title lists (`Diabetes, diabetic`), and the title without `NEC`/`NOS`. */
  variants: string[];
  /**
   * Last-resort forms: a part of a qualified title (`Fracture` for `Fracture, traumatic`, `subacute`
   * for `acute, subacute`), the title without a leading connector (`heart failure` for `with heart
   * failure`), an abbreviation or expansion given as the only nonessential modifier (`E. coli`).
   */
  loose: string[];
  /** The comma-separated parts of the title (`findings`, `abnormal`, `inconclusive`...). */
  parts: string[];
  /** Words of the nonessential modifiers, which a query may include or leave out. */
  nemodWords: ReadonlySet<string>;
  /** Words of the title and its variants: a query word among them is never set aside as nonessential. */
  titleWords: ReadonlySet<string>;
}

const QUALIFIER_WORDS = new Set(['nec', 'nos']);

/** Undoes simple English plurals so `kidneys` meets `kidney`; both sides go through it, so `diabetes` -> `diabete` is harmless. */
function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Lower-cases, drops possessives and punctuation, singularizes: `Charcot's Joints` -> `charcot joint`. */
export function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/'s\b|s'(?=\s|$)|'/g, (match) => (match === "s'" ? 's' : ''))
    .split(/[^a-z0-9.]+/)
    .map((word) => word.replace(/^\.+|\.+$/g, ''))
    .filter((word) => word.length > 0)
    .map(singular);
}

/** Removes parenthesized text, which in queries and cross-references is nonessential. */
export function withoutParentheses(text: string): string {
  let previous = '';
  let current = text;
  // Repeated so nested groups such as `(lower jaw (bone))` go too.
  while (current !== previous) {
    previous = current;
    current = current.replace(/\([^()]*\)/g, ' ');
  }
  return current.replace(/[()]/g, ' ');
}

/** Normalized key of a query or title part. */
export function normalizedKey(text: string): string {
  return normalizeWords(withoutParentheses(text)).join(' ');
}

/**
 * A later part of a comma title is a variant, not a qualifier, when it shares the first word's
 * first three letters (`Abdomen, abdominal`, `vision, visual`); `Fracture, traumatic` is qualified.
 */
function isVariantOf(part: string, head: string): boolean {
  const stem = head.split(' ')[0].slice(0, 3);
  return stem.length === 3 && part.startsWith(stem);
}

function droppedConnector(key: string): string | undefined {
  const connector = DROPPABLE_CONNECTORS.find((c) => key.startsWith(`${c} `));
  return connector ? key.slice(connector.length + 1) : undefined;
}

/** Top-level parenthesized groups of nemod text: `(E. coli)`, `(acute) (chronic)`. */
function nemodGroups(nemod: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of nemod) {
    if (char === '(' && depth++ === 0) current = '';
    else if (char === ')' && --depth === 0) groups.push(current.trim());
    else if (depth > 0) current += char;
  }
  return groups;
}

function isAbbreviation(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** `E. coli` abbreviates `Escherichia coli`: each of its words begins the matching title word. */
function abbreviates(short: string, long: string): boolean {
  const shortWords = normalizeWords(short);
  const longWords = normalizeWords(long);
  const prefixes = shortWords.length === longWords.length && shortWords.every((word, i) => longWords[i].startsWith(word));
  return prefixes && shortWords.some((word, i) => word !== longWords[i]);
}

/**
 * A lone nemod group that is the title's abbreviation or expansion (`Escherichia coli (E. coli)`,
 * `MSSA (Methicillin susceptible Staphylococcus aureus)`, `transient ischemic (TIA)`) names the same thing.
 */
function synonymOf(title: string, nemod: string): string | undefined {
  const groups = nemodGroups(nemod);
  if (groups.length !== 1) return undefined;
  const [group] = groups;
  const synonym = isAbbreviation(group) || isAbbreviation(title) || abbreviates(group, title);
  return synonym ? normalizedKey(group) : undefined;
}

/** Prepares a title (nonessential modifiers already removed) and its nemod text for {@link matchRank}. */
export function titleForms(title: string, nemod: string): TitleForms {
  const full = normalizedKey(title);
  const parts = title.split(',').map(normalizedKey).filter((part) => part.length > 0);
  const head = parts[0] ?? '';
  const listed = parts.slice(1).filter((part) => isVariantOf(part, head));
  const variants = listed.length > 0 ? [head, ...listed] : [];
  for (const form of [full, ...variants]) {
    const unqualified = form.split(' ').filter((word) => !QUALIFIER_WORDS.has(word)).join(' ');
    if (unqualified !== form && unqualified.length > 0) variants.push(unqualified);
  }
  // Any part of a qualified title (`acute, subacute`) may be what the coder says, as a last resort.
  const qualifiedParts = listed.length === 0 && parts.length > 1 ? parts : [];
  const loose = [...qualifiedParts, droppedConnector(full), synonymOf(title, nemod)];
  return {
    full,
    variants,
    loose: loose.filter((form): form is string => form !== undefined && form.length > 0),
    parts,
    nemodWords: new Set(normalizeWords(nemod)),
    titleWords: new Set([full, ...variants].join(' ').split(' ')),
  };
}

/**
 * Ranks a normalized query against a title: 0 the whole title, 1 a listed variant, 2 once words of
 * the nonessential modifiers are set aside, 3 a last-resort form or the title's first words
 * (`Gait` for `Gait abnormality`, `lymph gland` for `lymph gland or node`). Undefined when nothing matches.
 */
export function matchRank(query: string, forms: TitleForms): MatchRank | undefined {
  if (query.length === 0) return undefined;
  if (query === forms.full) return 0;
  if (forms.variants.includes(query)) return 1;
  const essential =
    forms.nemodWords.size === 0
      ? query
      : query
          .split(' ')
          .filter((word) => forms.titleWords.has(word) || !forms.nemodWords.has(word))
          .join(' ');
  if (essential !== query && (essential === forms.full || forms.variants.includes(essential))) return 2;
  if (forms.loose.includes(query) || forms.loose.includes(essential)) return 3;
  return [forms.full, ...forms.variants].some((form) => form.startsWith(`${query} `)) ? 3 : undefined;
}

/** Splits a query like `with heart failure` into its leading connector and the rest. */
export function splitLeadingConnector(query: string): { connector: string; rest: string } | undefined {
  const key = normalizedKey(query);
  const connector = [...CONNECTOR_TITLES]
    .filter((c) => key.startsWith(`${c} `))
    .sort((a, b) => b.length - a.length)[0];
  return connector ? { connector, rest: key.slice(connector.length + 1) } : undefined;
}

/** Whether a title is a connector such as `with` or `due to`. */
export function isConnectorTitle(title: string): boolean {
  return CONNECTOR_TITLES.has(normalizedKey(title));
}

/**
 * Subterms whose title carries a coding instruction instead of a code, e.g.
 * `inadequately controlled - code to Diabetes, by type, with hyperglycemia`.
 */
export function splitInstruction(title: string): { title: string; instruction?: string } {
  const match = /\s+-{1,2}\s+(?=(?:code|omit)\b)/i.exec(title);
  if (!match) return { title };
  return { title: title.slice(0, match.index), instruction: title.slice(match.index + match[0].length) };
}

/** What a cross-reference points at; only `index` references can be followed within the Index. */
export type ReferenceKind = 'index' | 'condition' | 'neoplasm-table' | 'drug-table' | 'category' | 'instruction';

/** A `see` reference or a title's `code to ...` instruction, read for following. */
export interface IndexReference {
  /** The reference as the Index writes it. */
  written: string;
  kind: ReferenceKind;
  /** Set when the reference names the other Index (`Index to Diseases and Injuries, Complications`). */
  targetSource?: IndexSource;
  /** For `index` references: the comma-separated parts, main term first, placeholders such as `by site` removed. */
  parts: string[];
  /** Where in `parts` the coder's own remaining modifiers belong: the `by site`/`by type` placeholder, else the end. */
  insertAt: number;
}

/** `by site`, `by type`: where the coder's own specifics go. A part that starts with `by` (`by type of vehicle`) is one whole. */
const PLACEHOLDER = /\bby\s+(?:site|type|drug|condition)\b/i;
const PLACEHOLDER_PART = /^by\s/i;

/** Classifies reference text the Index cannot resolve within itself; undefined for an Index path. */
function unfollowableKind(text: string): ReferenceKind | undefined {
  const lower = text.toLowerCase();
  if (/^(?:the\s+)?condition\b/.test(lower)) return 'condition';
  if (/^neoplasm\b|^table of neoplasm/.test(lower)) return 'neoplasm-table';
  if (/^table of drugs/.test(lower)) return 'drug-table';
  // `category M01`, `categories T17 and ...`, or a code range: `E08-E13 with .22`, `W00-X58 with 7th character S`.
  if (/^(?:sub)?categor(?:y|ies)\b/.test(lower) || /^[a-z]\d\d/.test(lower)) return 'category';
  return undefined;
}

/** The Indexes name each other: `Index to Diseases and Injuries, Complications`. */
const OTHER_INDEX: [RegExp, IndexSource][] = [
  [/^index to diseases and injuries,\s*/i, 'index'],
  [/^index to external causes(?: of injury)?,\s*/i, 'eindex'],
];

/** Reads `see` text such as `Diabetes, by type, with hyperglycemia` or `Neoplasm, malignant, by site`. */
export function parseReference(written: string): IndexReference {
  // The data has stray prefixes (`also Disorder, ...`, `- Narcolepsy`) and trailing commas.
  let text = written.replace(/^\s*(?:also\s+|-\s+)/i, '').replace(/[\s,]+$/, '').trim();
  const other = OTHER_INDEX.find(([prefix]) => prefix.test(text));
  if (other) text = text.replace(other[0], '');
  const kind = unfollowableKind(text);
  if (kind) return { written, kind, parts: [], insertAt: 0 };
  const parts: string[] = [];
  let insertAt = -1;
  for (const rawPart of text.split(',')) {
    const part = rawPart.trim();
    if (PLACEHOLDER_PART.test(part)) {
      if (insertAt < 0) insertAt = parts.length;
    } else if (PLACEHOLDER.test(part)) {
      if (insertAt < 0) insertAt = parts.length + (PLACEHOLDER.exec(part)?.index === 0 ? 0 : 1);
      const rest = part.replace(PLACEHOLDER, ' ').replace(/\s+/g, ' ').trim();
      if (rest) parts.push(rest);
    } else if (part) {
      parts.push(part);
    }
  }
  const reference: IndexReference = { written, kind: 'index', parts, insertAt: insertAt < 0 ? parts.length : insertAt };
  if (other) reference.targetSource = other[1];
  return reference;
}

/**
 * Reads a title instruction (see {@link splitInstruction}): `code to X` / `code as X` is followed when
 * `X` names an Index entry (capitalized); `code by site under X` means `X, by site`; anything else
 * (`omit code`, `code to underlying condition`) cannot be followed.
 */
export function parseInstruction(instruction: string): IndexReference {
  const underSite = /^code\s+(?:by\s+site\s+)?under\s+(.+)$/i.exec(instruction);
  if (underSite) return { ...parseReference(`${underSite[1]}, by site`), written: instruction };
  const target = /^code\s+(?:to|as)\s+([A-Z].*)$/.exec(instruction);
  if (target) return { ...parseReference(target[1]), written: instruction };
  return { written: instruction, kind: 'instruction', parts: [], insertAt: 0 };
}
