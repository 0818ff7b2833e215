/**
 * The BMI status code (Z68.-) for a value a note states ("BMI 42" is Z68.41), read from the Index's
 * adult bands ("Body, bodies > mass index > adult > 40.0-44.9"), proposed beside an associated
 * diagnosis as the guidelines ask (obesity, malnutrition, underweight).
 */
import type { CodeProposal, Evidence } from '@icd/contracts';
import { formatCode, type CompiledTerminology, type Terminology } from '@icd/terminology';
import { z } from 'zod';
import data from '../../data/bmi-rules.en.json' with { type: 'json' };
import { parseDataFile } from '../rules/parse-data-file.js';
import { CODE_PREFIX } from '../rules/code-schemas.js';
import { sectionCategoryAt } from '../doc-queries.js';
import type { DetectorDoc } from '../detector-doc.js';

const BmiRulesFile = z
  .object({
    $comment: z.string().optional(),
    phrases: z.array(z.string().min(1)).min(1),
    associatedCodePrefixes: z.array(CODE_PREFIX).min(1),
  })
  .strict();

/** One adult band: values from `low` up to, not including, `high`. */
interface BmiBand {
  readonly low: number;
  readonly high: number;
  readonly code: string;
}

export interface BmiRules {
  readonly pattern: RegExp;
  readonly associatedPrefixes: readonly string[];
  readonly bands: readonly BmiBand[];
}

export function loadBmiRules(terminology: Terminology): BmiRules {
  return parseBmiRules(data, terminology.compiled);
}

export function parseBmiRules(input: unknown, model: Pick<CompiledTerminology, 'indexTerms' | 'indexTermCodes'>): BmiRules {
  const parsed = parseDataFile(BmiRulesFile, input, 'bmi-rules.en.json');
  const phrases = parsed.phrases.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
  return {
    pattern: new RegExp(`\\b(?:${phrases})\\b[^0-9\\n]{0,12}?(\\d{1,2}(?:\\.\\d+)?)(?!\\d)(?![0-9.]*\\s*(?:%|th|percentile))`, 'gi'),
    associatedPrefixes: parsed.associatedCodePrefixes.map((prefix) => prefix.replace('.', '')),
    bands: adultBands(model),
  };
}

/** The adult bands under "Body, bodies > mass index > adult": "19 or less", "20.0-20.9", "70 and over". */
function adultBands(model: Pick<CompiledTerminology, 'indexTerms' | 'indexTermCodes'>): BmiBand[] {
  const terms = model.indexTerms;
  const adult = terms.findIndex(
    (term) => term.source === 'index' && /^adult$/i.test(term.title) && term.parent >= 0 && /^mass index/i.test(terms[term.parent].title),
  );
  const bands: BmiBand[] = [];
  terms.forEach((term, id) => {
    const code = model.indexTermCodes[id];
    if (term.parent !== adult || adult < 0 || !code) return;
    const range = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(term.title);
    const orLess = /^(\d+(?:\.\d+)?) or less$/i.exec(term.title);
    const andOver = /^(\d+(?:\.\d+)?) and over$/i.exec(term.title);
    if (range) bands.push({ low: Number(range[1]), high: Number(range[2]) + 0.1, code });
    else if (orLess) bands.push({ low: 0, high: Number(orLess[1]) + 1, code });
    else if (andOver) bands.push({ low: Number(andOver[1]), high: Number.POSITIVE_INFINITY, code });
  });
  return bands;
}

/**
 * The BMI proposal for `doc`, or null: the first stated value that falls in a band, when one of
 * `codes` is an associated diagnosis; scored as that diagnosis, since it is what makes it reportable.
 */
export function bmiProposal(doc: DetectorDoc, rules: BmiRules, codes: readonly CodeProposal[], titleOf: (code: string) => string): CodeProposal | null {
  const associated = codes.find((proposal) => rules.associatedPrefixes.some((prefix) => proposal.code.replace('.', '').startsWith(prefix)));
  if (!associated || rules.bands.length === 0) return null;
  rules.pattern.lastIndex = 0;
  for (let found = rules.pattern.exec(doc.text); found !== null; found = rules.pattern.exec(doc.text)) {
    const value = Number(found[1]);
    const band = rules.bands.find((candidate) => value >= candidate.low && value < candidate.high);
    if (!band) continue;
    const code = formatCode(band.code);
    const evidence: Evidence = { begin: found.index, end: found.index + found[0].length, text: found[0], section: sectionCategoryAt(doc, found.index) };
    return { code, title: titleOf(code), billable: true, score: associated.score, evidence: [evidence], rationale: `Index: Body, bodies > mass index > adult (beside ${associated.code})`, alternatives: [] };
  }
  return null;
}
