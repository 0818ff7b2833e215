/**
 * A conservative guard against catastrophic backtracking in rule patterns. JavaScript regexes
 * backtrack, and the classic blow-ups need a repeated group whose body can itself repeat without
 * bound (`(a+)+`, `(\w+\s?)*`). Rule files therefore may repeat a group only a bounded number of
 * times (`{1,4}`), and only when nothing inside it repeats without bound; `+`, `*` and `{n,}` may
 * follow single atoms (a character, a class, an escape) only. This is a heuristic, not a proof:
 * the linear-time test over adversarial input backs it up.
 */

interface GroupFrame {
  /** Something inside this group (at any depth) repeats without bound. */
  containsUnbounded: boolean;
}

interface Quantifier {
  readonly length: number;
  readonly unbounded: boolean;
  /** It can match its atom more than once. */
  readonly repeats: boolean;
}

function readQuantifier(source: string, at: number): Quantifier | null {
  const char = source[at];
  let length = 0;
  let unbounded = false;
  let repeats = false;
  if (char === '*' || char === '+') {
    length = 1;
    unbounded = true;
    repeats = true;
  } else if (char === '?') {
    length = 1;
  } else if (char === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at, at + 16));
    if (!braces) return null;
    length = braces[0].length;
    unbounded = braces[2] !== undefined && braces[3] === '';
    const max = braces[2] === undefined ? Number(braces[1]) : Number(braces[3] || Infinity);
    repeats = max > 1;
  } else {
    return null;
  }
  // A lazy `?` after the quantifier belongs to it.
  if (source[at + length] === '?') length += 1;
  return { length, unbounded, repeats };
}

/** Index just past an escape starting at `at` (a backslash), including `\p{..}`, `\u{..}`, `\k<..>`. */
function skipEscape(source: string, at: number): number {
  const next = source[at + 1];
  if ((next === 'p' || next === 'P' || next === 'u') && source[at + 2] === '{') {
    return source.indexOf('}', at) + 1;
  }
  if (next === 'k' && source[at + 2] === '<') return source.indexOf('>', at) + 1;
  return at + 2;
}

/** Index just past a character class starting at `at` (a `[`). */
function skipClass(source: string, at: number): number {
  let i = at + 1;
  while (i < source.length && source[i] !== ']') i = source[i] === '\\' ? i + 2 : i + 1;
  return i + 1;
}

/** Why `source` could backtrack catastrophically, or null when it passes the guard. */
export function describeBacktrackingRisk(source: string): string | null {
  const frames: GroupFrame[] = [{ containsUnbounded: false }];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    let closed: GroupFrame | null = null;
    if (char === '\\') i = skipEscape(source, i);
    else if (char === '[') i = skipClass(source, i);
    else if (char === '(') {
      frames.push({ containsUnbounded: false });
      i += 1;
      continue;
    } else if (char === ')') {
      closed = frames.pop() ?? null;
      if (!closed || frames.length === 0) return 'unbalanced parentheses';
      i += 1;
    } else i += 1;
    const quantifier = readQuantifier(source, i);
    const current = frames[frames.length - 1];
    if (closed) current.containsUnbounded ||= closed.containsUnbounded;
    if (!quantifier) continue;
    if (closed && quantifier.unbounded) return `a group is repeated without bound at index ${i}; use {m,n}`;
    if (closed && quantifier.repeats && closed.containsUnbounded) {
      return `a repeated group contains an unbounded quantifier at index ${i}; bound the inner quantifier`;
    }
    if (quantifier.unbounded) current.containsUnbounded = true;
    i += quantifier.length;
  }
  return frames.length === 1 ? null : 'unbalanced parentheses';
}
