import type { Terminology } from '@icd/terminology';
import { EMPTY_CALIBRATION, parseLexicon, type Calibration, type LexiconFileContent } from '../coding/learned-data.js';
import { createDetector } from '../create-detector.js';
import { chooseThreshold, fitCalibration, fitRanker } from './fit-calibration.js';
import { mineLexicon, type LexiconMiningOptions, type TrainingDocument } from './mine-lexicon.js';

export interface TrainedData {
  lexicon: LexiconFileContent;
  calibration: Calibration;
}

/**
 * Everything the detector learns from coded documents, in order: phrasings (lexicon), how often
 * each dictionary entry is right (calibration), the ranker over candidate codes, and the score
 * cut with the best F1. Each step uses the detector the previous steps produced.
 */
export function trainDetector(
  terminology: Terminology,
  documents: readonly TrainingDocument[],
  progress: (step: string) => void = () => undefined,
  lexiconOptions: LexiconMiningOptions = {},
): TrainedData {
  progress('mining phrases');
  const lexiconFile = mineLexicon(terminology, documents, lexiconOptions);
  const lexicon = parseLexicon(lexiconFile, terminology);
  progress('calibrating dictionary entries');
  const calibration = fitCalibration(createDetector(terminology, { lexicon, calibration: EMPTY_CALIBRATION }), documents);
  progress('fitting the code ranker');
  calibration.ranker = fitRanker(createDetector(terminology, { lexicon, calibration }), documents);
  progress('choosing the score threshold');
  calibration.threshold = chooseThreshold(createDetector(terminology, { lexicon, calibration }), documents);
  return { lexicon: lexiconFile, calibration };
}
