import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';

/** Thrown when a rule file is not valid. The message names the file and, per problem, the rule. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid rule file ${file}: ${problems.join('; ')}`);
    this.name = 'RuleFileError';
  }
}

/**
 * Describes where an issue is: rule files keep their rules in one array (`rules`, `entries`), so
 * an issue under it reads `rule 12 (rules[12].direction)`.
 */
export function describeIssuePath(path: readonly PropertyKey[]): string {
  const dotted = path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
  const index = path.length >= 2 && typeof path[1] === 'number' ? path[1] : null;
  if (dotted === '') return '(file)';
  return index === null ? dotted : `rule ${index} (${dotted})`;
}

/** Validates parsed JSON against `schema`; throws {@link RuleFileError} naming `file` and each failing rule. */
export function parseRuleFile<S extends z.ZodType>(schema: S, raw: unknown, file: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${describeIssuePath(issue.path)}: ${issue.message}`);
  throw new RuleFileError(file, problems);
}

/** Reads a JSON rule file from disk and validates it with `parse`, so that deployments can supply their own rules. */
export function readRuleFile<T>(path: string, parse: (raw: unknown, file: string) => T): T {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RuleFileError(file, [`not readable as JSON: ${(error as Error).message}`]);
  }
  return parse(raw, file);
}

/** Adds an issue for every rule whose `key(rule)` repeats an earlier one: a repeat is dead data. */
export function reportDuplicates<R>(
  rules: readonly R[],
  key: (rule: R) => string,
  ctx: z.RefinementCtx,
  arrayName: string,
): void {
  const firstIndex = new Map<string, number>();
  rules.forEach((rule, i) => {
    const k = key(rule);
    const first = firstIndex.get(k);
    if (first === undefined) firstIndex.set(k, i);
    else ctx.addIssue({ code: 'custom', path: [arrayName, i], message: `duplicates rule ${first} ("${k}")` });
  });
}
