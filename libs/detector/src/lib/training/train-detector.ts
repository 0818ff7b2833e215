import type { Terminology } from '@icd/terminology';
import { EMPTY_CALIBRATION, parseLexicon, type Calibration, type LexiconFileContent } from '../coding/learned-data.js';
import { CANDIDATE_FEATURES } from '../coding/code-candidates.js';
import { fitLogisticRanker, type RankerWeights } from '../coding/logistic-ranker.js';
import { createDetector, type Detector } from '../create-detector.js';
import { bestF1Threshold, chooseThreshold, fitCalibration, fitRanker, goldCount, rankerRows, scoreProposals, type ScoredProposal } from './fit-calibration.js';
import { mineLexicon, type LexiconMiningOptions, type TrainingDocument } from './mine-lexicon.js';

export interface TrainedData {
  lexicon: LexiconFileContent;
  calibration: Calibration;
}

/** Folds for cross-fitting; fewer than 2 fits every step on all the documents (in-sample). */
export const DEFAULT_CROSS_FIT_FOLDS = 5;

/**
 * Everything the detector learns from coded documents, in order: phrasings (lexicon), how often
 * each dictionary entry is right (calibration), the ranker over candidate codes, and the score
 * cut with the best F1.
 *
 * The ranker and the threshold are cross-fitted: a lexicon and calibration learned on the other
 * folds describe each fold's candidates, as they will describe unseen documents. Fitted on the
 * same documents, the learned features look more reliable than they are and the ranker trusts
 * them too much.
 */
export function trainDetector(
  terminology: Terminology,
  documents: readonly TrainingDocument[],
  progress: (step: string) => void = () => undefined,
  lexiconOptions: LexiconMiningOptions = {},
  crossFitFolds = DEFAULT_CROSS_FIT_FOLDS,
): TrainedData {
  progress('mining phrases');
  const lexiconFile = mineLexicon(terminology, documents, lexiconOptions);
  const lexicon = parseLexicon(lexiconFile, terminology);
  progress('calibrating dictionary entries');
  const calibration = fitCalibration(createDetector(terminology, { lexicon, calibration: EMPTY_CALIBRATION }), documents);
  if (crossFitFolds < 2 || documents.length < crossFitFolds * 2) {
    progress('fitting the code ranker');
    calibration.ranker = fitRanker(createDetector(terminology, { lexicon, calibration }), documents);
    progress('choosing the score threshold');
    calibration.threshold = chooseThreshold(createDetector(terminology, { lexicon, calibration }), documents);
    return { lexicon: lexiconFile, calibration };
  }
  const folds = foldDetectors(terminology, documents, lexiconOptions, crossFitFolds, progress);
  progress('fitting the code ranker');
  calibration.ranker = fitOutOfFoldRanker(folds);
  progress('choosing the score threshold');
  const ranker = calibration.ranker;
  const scored: ScoredProposal[] = folds.flatMap((fold) =>
    scoreProposals(createDetector(terminology, { lexicon: fold.lexicon, calibration: { ...fold.calibration, ranker } }), fold.held),
  );
  calibration.threshold = bestF1Threshold(scored, goldCount(documents));
  return { lexicon: lexiconFile, calibration };
}

interface Fold {
  /** Learned on every document but `held`. */
  detector: Detector;
  lexicon: ReturnType<typeof parseLexicon>;
  calibration: Calibration;
  held: TrainingDocument[];
}

function foldDetectors(
  terminology: Terminology,
  documents: readonly TrainingDocument[],
  lexiconOptions: LexiconMiningOptions,
  count: number,
  progress: (step: string) => void,
): Fold[] {
  return Array.from({ length: count }, (_, fold) => {
    progress(`cross-fitting fold ${fold + 1} of ${count}`);
    const held = documents.filter((_, index) => index % count === fold);
    const learn = documents.filter((_, index) => index % count !== fold);
    const lexicon = parseLexicon(mineLexicon(terminology, learn, lexiconOptions), terminology);
    const calibration = fitCalibration(createDetector(terminology, { lexicon, calibration: EMPTY_CALIBRATION }), learn);
    return { detector: createDetector(terminology, { lexicon, calibration }), lexicon, calibration, held };
  });
}

function fitOutOfFoldRanker(folds: readonly Fold[]): RankerWeights {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const { detector, held } of folds) {
    const fold = rankerRows(detector, held);
    rows.push(...fold.rows);
    labels.push(...fold.labels);
  }
  return fitLogisticRanker(CANDIDATE_FEATURES, rows, labels);
}
