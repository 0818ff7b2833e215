import type { BillableLookup } from './version-bridge.js';

/** The minimum a code set needs per code to know its hierarchy. */
export interface CodeSetRow {
  code: string;
  billable: boolean;
  longTitle: string;
}

export interface CodeSet extends BillableLookup {
  parentOf(code: string): string | null;
  readonly size: number;
}

/**
 * The hierarchy of a code set, derived from the codes themselves: a code's parent is its longest
 * proper prefix that is also a code (so `T15.00XA` hangs under `T15.00`, there being no `T15.00X`).
 */
export function createCodeSet(rows: readonly CodeSetRow[]): CodeSet {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const parents = new Map<string, string | null>();
  const children = new Map<string, string[]>();
  for (const row of rows) {
    const parent = longestExistingPrefix(byCode, row.code);
    parents.set(row.code, parent);
    if (parent) {
      const siblings = children.get(parent);
      if (siblings) siblings.push(row.code);
      else children.set(parent, [row.code]);
    }
  }
  return {
    size: rows.length,
    has: (code) => byCode.has(code),
    isBillable: (code) => byCode.get(code)?.billable ?? false,
    longTitle: (code) => byCode.get(code)?.longTitle,
    parentOf: (code) => parents.get(code) ?? null,
    childrenOf: (code) => children.get(code) ?? [],
  };
}

function longestExistingPrefix(byCode: ReadonlyMap<string, unknown>, code: string): string | null {
  for (let length = code.length - 1; length >= 3; length--) {
    const prefix = code.slice(0, length);
    if (byCode.has(prefix)) return prefix;
  }
  return null;
}
