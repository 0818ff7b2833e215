import type { CodeSummary, Terminology } from '@icd/terminology';

/**
 * `terminology.summary`, remembered per code as asked: the coding stages ask for the same few
 * codes over and over, and each fresh answer re-normalizes the code and builds new strings. The
 * answers are frozen, as they are shared. The cache can hold no more than the code set.
 */
export function createCodeSummaries(terminology: Pick<Terminology, 'summary'>): (code: string) => CodeSummary | null {
  const summaries = new Map<string, CodeSummary | null>();
  return (code) => {
    let summary = summaries.get(code);
    if (summary === undefined) {
      const found = terminology.summary(code);
      summary = found && Object.freeze(found);
      summaries.set(code, summary);
    }
    return summary;
  };
}
