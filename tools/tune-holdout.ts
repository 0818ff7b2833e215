/**
 * Development aid: learns on part of CodiEsp train and measures on the rest, so that tuning never
 * looks at dev. `npx tsx tools/tune-holdout.ts [folds] [first fold]`.
 */
import { createDetector, parseLexicon, trainDetector, type TrainingDocument } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { readCodiEspSplit } from '../apps/cli/src/eval/codiesp-corpus.js';
import { evaluateRun } from '../apps/cli/src/eval/metrics.js';
import { descendantOfGold, runDetection } from '../apps/cli/src/commands/eval-command.js';

const terminology = await loadTerminology();
const split = await readCodiEspSplit('train');
const gold = split.gold!;
const documents: TrainingDocument[] = split.documents.map((d) => ({ ...d, codes: gold.get(d.id) ?? new Set() }));
const folds = Number(process.argv[2] ?? 1);
const rows: string[] = [];
const firstFold = Number(process.argv[3] ?? 0);
for (let fold = firstFold; fold < firstFold + folds; fold++) {
  const held = documents.filter((_, i) => i % 5 === fold);
  const learn = documents.filter((_, i) => i % 5 !== fold);
  const trained = trainDetector(terminology, learn, () => undefined, JSON.parse(process.env.LEXICON_OPTIONS ?? '{}'), Number(process.env.CROSS_FIT_FOLDS ?? 5));
  const calibration = trained.calibration;
  const detector = createDetector(terminology, { lexicon: parseLexicon(trained.lexicon, terminology), calibration });
  const run = runDetection(detector, held, `fold ${fold}`, { setting: 'inpatient' });
  const heldGold = new Map(held.map((d) => [d.id, gold.get(d.id) ?? new Set<string>()]));
  const e = evaluateRun(heldGold, run, descendantOfGold(terminology));
  const f = (s: { map: number; precision: number; recall: number; f1: number }) => `MAP ${s.map.toFixed(3)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
  rows.push(`fold ${fold} thr ${calibration.threshold.toFixed(2)} | codes exact ${f(e.codes.exact.full)} | mentions exact ${f(e.mentions.exact.full)}`);
}
console.log(rows.join('\n'));
