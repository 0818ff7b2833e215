/**
 * Code spelling and folding for evaluation. The CodiEsp gold writes `e11.9`, detectors write
 * `E11.9`, and some tools drop the dot: every comparison goes through {@link normalizeCode} so
 * that the harness compares codes case- and dot-insensitively, as the corpus README asks.
 */

/** The granularities results are reported at. */
export const GRANULARITIES = ['full', 'ignore7th', 'category'] as const;

/**
 * How much of a code is compared: `full` the whole code; `ignore7th` drops the seventh character
 * of seven-character codes and the placeholder `X`s left before it (`S72.001A` -> `S72.001`,
 * `T14.90XA` -> `T14.90`, `W19.XXXA` -> `W19`); `category` keeps the three-character category
 * (`E11.9` -> `E11`).
 */
export type Granularity = (typeof GRANULARITIES)[number];

/** Characters of a code before the dot: the category. */
const CATEGORY_LENGTH = 3;
/** Characters (dot excluded) of a code that carries a seventh character. */
const SEVENTH_CHARACTER_LENGTH = 7;

/**
 * The code upper-cased, trimmed, with its dot after the category (`e119`, ` e11.9 ` -> `E11.9`).
 * No validation: a malformed code stays malformed and simply matches nothing.
 */
export function normalizeCode(code: string): string {
  const compact = code.trim().toUpperCase().replaceAll('.', '');
  if (compact.length <= CATEGORY_LENGTH) return compact;
  return `${compact.slice(0, CATEGORY_LENGTH)}.${compact.slice(CATEGORY_LENGTH)}`;
}

/** The normalised code reduced to `granularity` (see {@link Granularity}). */
export function foldCode(code: string, granularity: Granularity): string {
  const normalized = normalizeCode(code);
  switch (granularity) {
    case 'full':
      return normalized;
    case 'ignore7th':
      return withoutPlaceholders(withoutSeventhCharacter(normalized));
    case 'category':
      return normalized.slice(0, CATEGORY_LENGTH);
  }
}

function withoutSeventhCharacter(code: string): string {
  // 7 significant characters + the dot; shorter codes have no seventh character to drop.
  return code.length === SEVENTH_CHARACTER_LENGTH + 1 ? code.slice(0, -1) : code;
}

/**
 * Trailing placeholders carry no meaning once the seventh character is gone, and the CodiEsp gold
 * writes the same injury both ways (`t14.90`, `t81.4xx`, `w19.xxx`).
 */
function withoutPlaceholders(code: string): string {
  if (code.length <= CATEGORY_LENGTH) return code;
  return code.replace(/X+$/, '').replace(/\.$/, '');
}

/**
 * The codes folded to `granularity`, duplicates dropped keeping the first occurrence, so a
 * ranked list keeps the rank of its best-ranked member (as the reference scorer does). Blank
 * codes are dropped.
 */
export function foldRankedCodes(codes: Iterable<string>, granularity: Granularity): string[] {
  const seen = new Set<string>();
  for (const code of codes) {
    const folded = foldCode(code, granularity);
    if (folded !== '') seen.add(folded);
  }
  return [...seen];
}
