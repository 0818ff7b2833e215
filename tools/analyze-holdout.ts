/** Development aid: what a held-out fold of CodiEsp train misses and over-predicts. */
import { createDetector, parseLexicon, trainDetector, type TrainingDocument } from '@icd/detector';
import { loadTerminology } from '@icd/terminology';
import { readCodiEspSplit } from '../apps/cli/src/eval/codiesp-corpus.js';
const terminology = await loadTerminology();
const split = await readCodiEspSplit('train');
const gold = split.gold!;
const documents: TrainingDocument[] = split.documents.map((d) => ({ ...d, codes: gold.get(d.id) ?? new Set() }));
const held = documents.filter((_, i) => i % 5 === 0);
const trained = trainDetector(terminology, documents.filter((_, i) => i % 5 !== 0));
const detector = createDetector(terminology, { lexicon: parseLexicon(trained.lexicon, terminology), calibration: trained.calibration });
const missNone = new Map<string, number>(), fp = new Map<string, number>(), reasons = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
for (const d of held) {
  const { result, doc } = detector.detectWithDoc(d.text);
  const codes = new Set(result.codes.map((c) => c.code));
  const inMentions = new Map<string, string>();
  doc.resolutions.forEach((r) => r.codes.forEach((c) => { if (!inMentions.has(c.code)) inMentions.set(c.code, r.coded ? 'below-threshold' : r.reason); }));
  for (const g of d.codes) if (!codes.has(g)) { if (inMentions.has(g)) bump(reasons, inMentions.get(g)!); else bump(missNone, g); }
  for (const c of codes) if (!d.codes.has(c)) bump(fp, c);
}
const top = (m: Map<string, number>, n = 30) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([c, k]) => `${c}(${k}) ${terminology.summary(c)?.title.slice(0, 35) ?? '?'}`).join('\n  ');
console.log('found but not in codes:', JSON.stringify([...reasons]));
console.log('missed entirely:\n  ' + top(missNone));
console.log('false positives:\n  ' + top(fp));
