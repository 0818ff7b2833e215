import { mineLexicon, type TrainingDocument } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { readCodiEspSplit } from '../apps/cli/src/eval/codiesp-corpus.js';
const terminology = await loadTerminology();
const split = await readCodiEspSplit('train');
const documents: TrainingDocument[] = split.documents.map((d) => ({ ...d, codes: split.gold!.get(d.id) ?? new Set() }));
const lex = mineLexicon(terminology, documents, { minSupport: 3, minPrecision: 0.15, minLift: 1.5 });
for (const code of process.argv.slice(2)) {
  const n = documents.filter((d) => d.codes.has(code)).length;
  console.log(code, 'docs', n, lex.entries.filter((e) => e.code === code).sort((a, b) => b.precision - a.precision).slice(0, 12).map((e) => `${e.stems.join(' ')} ${e.precision}/${e.support}`).join(' | '));
}
