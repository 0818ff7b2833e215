import { z } from 'zod';

/** A dotted ICD-10-CM code as the rule files write it: "Z79.01", "I10". */
export const DOTTED_CODE = z.string().regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);

/** The start of a code, dotted or not, that a rule matches codes by: "E11", "I51.4", "N18". */
export const CODE_PREFIX = z.string().regex(/^[A-Z][0-9A-Z.]*$/);

/** Whether `code` starts with one of `prefixes`, written as the code is (dotted with dotted). */
export function hasCodePrefix(code: string, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) if (code.startsWith(prefix)) return true;
  return false;
}
