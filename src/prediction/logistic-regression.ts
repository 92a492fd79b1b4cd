import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least
 * squares) on standardised features. The objective is convex and has ~40 dimensions, so a
 * second-order solve converges in a handful of exact steps; the linear solve is ml-matrix's
 * Cholesky. (npm's ml-logistic-regression runs plain gradient descent for a fixed number of
 * steps, with no regularisation or convergence test.)
 *
 * Penalty: λ/2·‖w‖² on the standardised weights, never on the intercept — with λ = 1 that is
 * scikit-learn's LogisticRegression(C = 1) on standardised data.
 */
export interface LogisticModel {
  features: string[];
  /** Per-feature centre and scale used to standardise; a constant feature has scale 1. */
  means: number[];
  scales: number[];
  /** Weights on the standardised features. */
  weights: number[];
  intercept: number;
  l2: number;
}

export interface LogisticOptions {
  l2?: number;
  maxIterations?: number;
}

export interface LogisticFit {
  model: LogisticModel;
  iterations: number;
  converged: boolean;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], features: string[], options: LogisticOptions = {}): LogisticFit {
  const n = rows.length;
  const k = features.length;
  if (n === 0 || labels.length !== n) throw new RangeError(`need one label per row, got ${n} rows and ${labels.length} labels`);
  for (const [i, r] of rows.entries()) {
    if (r.length !== k) throw new RangeError(`row ${i} has ${r.length} features, not ${k}`);
    const bad = r.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new RangeError(`row ${i}: feature ${features[bad]} is ${r[bad]}`);
  }
  const l2 = options.l2 ?? 1;
  const { means, scales } = standardisation(rows, k);
  // Standardised design with a leading 1 for the intercept, row-major.
  const d = k + 1;
  const Z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    Z[i * d] = 1;
    for (let j = 0; j < k; j++) Z[i * d + j + 1] = (rows[i]![j]! - means[j]!) / scales[j]!;
  }
  const theta = new Float64Array(d);
  const positives = labels.reduce((s, y) => s + y, 0);
  theta[0] = Math.log((positives + 0.5) / (n - positives + 0.5));

  const objective = (t: Float64Array) => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += Z[i * d + j]! * t[j]!;
      // log(1 + e^z) − y·z, stably
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i]! * z;
    }
    let penalty = 0;
    for (let j = 1; j < d; j++) penalty += t[j]! * t[j]!;
    return loss + (l2 / 2) * penalty;
  };

  let current = objective(theta);
  let iterations = 0;
  let converged = false;
  for (; iterations < (options.maxIterations ?? 50); iterations++) {
    const grad = new Float64Array(d);
    const hess = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let z = 0;
      for (let j = 0; j < d; j++) z += Z[o + j]! * theta[j]!;
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-12);
      const r = p - labels[i]!;
      for (let a = 0; a < d; a++) {
        const za = Z[o + a]!;
        grad[a]! += r * za;
        const wa = w * za;
        for (let b = a; b < d; b++) hess[a * d + b]! += wa * Z[o + b]!;
      }
    }
    for (let a = 1; a < d; a++) {
      grad[a]! += l2 * theta[a]!;
      hess[a * d + a]! += l2;
    }
    hess[0]! += 1e-10;
    const H = new Matrix(d, d);
    for (let a = 0; a < d; a++) for (let b = a; b < d; b++) H.set(a, b, hess[a * d + b]!).set(b, a, hess[a * d + b]!);
    const step = new CholeskyDecomposition(H).solve(Matrix.columnVector(Array.from(grad))).to1DArray();
    // Backtracking keeps every step a descent step, far from the optimum too.
    let scale = 1;
    let next = theta;
    let value = current;
    for (let tries = 0; tries < 30; tries++, scale /= 2) {
      next = theta.map((t, j) => t - scale * step[j]!);
      value = objective(next);
      if (value <= current) break;
    }
    const moved = Math.max(...step.map((s) => Math.abs(s * scale)));
    theta.set(next);
    const gain = current - value;
    current = value;
    if (moved < 1e-8 || gain < 1e-10 * Math.max(1, Math.abs(current))) {
      converged = true;
      iterations++;
      break;
    }
  }
  return {
    model: { features, means, scales, weights: Array.from(theta.subarray(1)), intercept: theta[0]!, l2 },
    iterations,
    converged,
  };
}

function standardisation(rows: readonly (readonly number[])[], k: number): { means: number[]; scales: number[] } {
  const means = new Array<number>(k).fill(0);
  const scales = new Array<number>(k).fill(0);
  for (const r of rows) for (let j = 0; j < k; j++) means[j]! += r[j]! / rows.length;
  for (const r of rows) for (let j = 0; j < k; j++) scales[j]! += (r[j]! - means[j]!) ** 2 / rows.length;
  return { means, scales: scales.map((v) => (v > 1e-24 ? Math.sqrt(v) : 1)) };
}

/** P(label = 1) for one row of raw (unstandardised) features in the model's order. */
export function predictLogistic(model: LogisticModel, row: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j]! * (row[j]! - model.means[j]!)) / model.scales[j]!;
  return sigmoid(z);
}
