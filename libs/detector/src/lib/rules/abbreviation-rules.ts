import { z } from 'zod';
import { CombinedPattern, literalSource } from '../text-patterns.js';
import { parseRuleFile } from './rule-file.js';

/** One meaning of an abbreviation and what in its context points to it. */
export const AbbreviationSenseSchema = z.strictObject({
  expansion: z.string().trim().min(1),
  /** Words or phrases that, in the same sentence, point to this sense. */
  cues: z.array(z.string().trim().min(1)).optional(),
  /** Section categories in which this sense is the likely one. */
  sections: z.array(z.string().min(1)).optional(),
  /** The sense when the abbreviation is itself a section header (`PE:` is physical exam). */
  header: z.boolean().optional(),
});

/** One meaning of an abbreviation. */
export type AbbreviationSense = z.infer<typeof AbbreviationSenseSchema>;

/** One abbreviation: a single `expansion`, or two or more `senses`, the most common first. */
export const AbbreviationEntrySchema = z
  .strictObject({
    abbreviation: z.string().trim().min(1),
    /** Other spellings, e.g. `A-fib` for `AFib`. */
    forms: z.array(z.string().trim().min(1)).optional(),
    /** Match only the spellings as written: for abbreviations that are also English words (`AS`, `ALL`). */
    caseSensitive: z.boolean().optional(),
    expansion: z.string().trim().min(1).optional(),
    senses: z.array(AbbreviationSenseSchema).min(2).optional(),
  })
  .superRefine((entry, ctx) => {
    if ((entry.expansion === undefined) === (entry.senses === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['expansion'], message: 'give either expansion or senses (two or more)' });
    }
  });

/** One abbreviation entry as written in the file. */
export type AbbreviationEntry = z.infer<typeof AbbreviationEntrySchema>;

/** The abbreviation file. */
export const AbbreviationFileSchema = z
  .strictObject({
    $comment: z.string().optional(),
    language: z.string().min(2),
    entries: z.array(AbbreviationEntrySchema).min(1),
  })
  .superRefine((file, ctx) => {
    // A spelling claimed by two entries would make one of them dead. Two case-sensitive entries
    // may share letters in different cases (`PsA`, `PSA`), but not a case-insensitive one.
    const claims = new Map<string, { entry: number; caseSensitive: boolean; form: string }[]>();
    file.entries.forEach((entry, i) => {
      const caseSensitive = entry.caseSensitive ?? false;
      for (const form of spellingsOf(entry)) {
        const key = form.toLowerCase();
        const clash = (claims.get(key) ?? []).find(
          (claim) => claim.entry !== i && (!caseSensitive || !claim.caseSensitive || claim.form === form),
        );
        if (clash) {
          ctx.addIssue({ code: 'custom', path: ['entries', i], message: `spelling "${form}" is already entry ${clash.entry}'s` });
        }
        claims.set(key, [...(claims.get(key) ?? []), { entry: i, caseSensitive, form }]);
      }
    });
  });

/** A sense ready to score against a context. */
export interface CompiledSense {
  readonly expansion: string;
  /** Finds the sense's cues; the value is the cue's index, so distinct cues can be counted. */
  readonly cues: CombinedPattern<number>;
  readonly sections: ReadonlySet<string>;
  readonly header: boolean;
}

/** An abbreviation ready to match. */
export interface CompiledAbbreviation {
  readonly abbreviation: string;
  readonly caseSensitive: boolean;
  readonly senses: readonly CompiledSense[];
}

/** Abbreviations ready to match: one pattern for spellings that must match case, one for the rest. */
export interface AbbreviationRules {
  readonly entries: readonly CompiledAbbreviation[];
  readonly caseSensitive: CombinedPattern<CompiledAbbreviation>;
  readonly caseInsensitive: CombinedPattern<CompiledAbbreviation>;
}

function spellingsOf(entry: AbbreviationEntry): string[] {
  return [entry.abbreviation, ...(entry.forms ?? [])];
}

function compileSense(sense: AbbreviationSense): CompiledSense {
  const cues = (sense.cues ?? []).map((cue, i) => ({ source: literalSource(cue), literal: cue, value: i }));
  return {
    expansion: sense.expansion,
    cues: new CombinedPattern(cues, 'iu'),
    sections: new Set(sense.sections ?? []),
    header: sense.header ?? false,
  };
}

function compileEntry(entry: AbbreviationEntry): CompiledAbbreviation {
  const senses = entry.senses ?? [{ expansion: entry.expansion ?? entry.abbreviation }];
  return { abbreviation: entry.abbreviation, caseSensitive: entry.caseSensitive ?? false, senses: senses.map(compileSense) };
}

function patternOf(entries: readonly AbbreviationEntry[], compiled: readonly CompiledAbbreviation[], flags: string) {
  const alternatives = entries.flatMap((entry, i) =>
    spellingsOf(entry).map((form) => ({ source: literalSource(form), literal: form, value: compiled[i] })),
  );
  return new CombinedPattern(alternatives, flags);
}

/** Validates a parsed abbreviation file and compiles it; errors name `file` and the entry. */
export function parseAbbreviations(raw: unknown, file: string): AbbreviationRules {
  const { entries } = parseRuleFile(AbbreviationFileSchema, raw, file);
  const compiled = entries.map(compileEntry);
  const exact = entries.filter((entry) => entry.caseSensitive);
  const loose = entries.filter((entry) => !entry.caseSensitive);
  return {
    entries: compiled,
    caseSensitive: patternOf(exact, compiled.filter((entry) => entry.caseSensitive), 'u'),
    caseInsensitive: patternOf(loose, compiled.filter((entry) => !entry.caseSensitive), 'iu'),
  };
}
