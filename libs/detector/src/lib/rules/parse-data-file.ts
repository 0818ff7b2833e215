import type { z } from 'zod';

/**
 * Validates a shipped data file (synonyms, morphology, history rules, learned data) and throws on
 * the first problem, naming the file and the entry at fault: `detector: <file>: <path>: <problem>`.
 */
export function parseDataFile<T>(schema: z.ZodType<T>, input: unknown, file: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`detector: ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
