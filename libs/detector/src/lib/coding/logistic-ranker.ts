/**
 * A logistic model over candidate features: small, deterministic and fitted in a second on a few
 * thousand training candidates, which is all the CodiEsp training cases give.
 */
export interface RankerWeights {
  features: string[];
  /** Feature scaling learned with the weights: (x - mean) / scale. */
  means: number[];
  scales: number[];
  weights: number[];
  bias: number;
}

export function rankerProbability(ranker: RankerWeights, features: readonly number[]): number {
  let z = ranker.bias;
  for (let i = 0; i < ranker.weights.length; i += 1) z += ranker.weights[i] * ((features[i] - ranker.means[i]) / ranker.scales[i]);
  return 1 / (1 + Math.exp(-z));
}

export interface FitOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty on the weights. */
  l2?: number;
}

/** Full-batch gradient descent on standardized features; the same data always gives the same weights. */
export function fitLogisticRanker(names: readonly string[], rows: readonly number[][], labels: readonly number[], options: FitOptions = {}): RankerWeights {
  const { epochs = 600, learningRate = 0.5, l2 = 0.001 } = options;
  const width = names.length;
  const means = Array.from({ length: width }, (_, i) => average(rows.map((row) => row[i])));
  const scales = Array.from({ length: width }, (_, i) => Math.sqrt(average(rows.map((row) => (row[i] - means[i]) ** 2))) || 1);
  const scaled = rows.map((row) => row.map((value, i) => (value - means[i]) / scales[i]));
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const gradient = new Array<number>(width).fill(0);
    let biasGradient = 0;
    scaled.forEach((row, r) => {
      let z = bias;
      for (let i = 0; i < width; i += 1) z += weights[i] * row[i];
      const error = 1 / (1 + Math.exp(-z)) - labels[r];
      for (let i = 0; i < width; i += 1) gradient[i] += error * row[i];
      biasGradient += error;
    });
    for (let i = 0; i < width; i += 1) weights[i] -= learningRate * (gradient[i] / scaled.length + l2 * weights[i]);
    bias -= (learningRate * biasGradient) / scaled.length;
  }
  return { features: [...names], means, scales, weights, bias };
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
