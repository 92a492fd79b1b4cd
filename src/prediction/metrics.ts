/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting half (the Mann–Whitney statistic, by mid-ranks). Null with only one class.
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number | null {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) {
      if (labels[order[m]!]) {
        positives++;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared error of predicted probabilities against 0/1 outcomes. */
export function brierScore(probabilities: readonly number[], labels: readonly boolean[]): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i]! - (labels[i] ? 1 : 0)) ** 2;
  return sum / labels.length;
}

export interface CalibrationBin {
  /** [from, to) of predicted probability; the last bin includes 1. */
  from: number;
  to: number;
  count: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

/** Predicted against observed rates in equal-width probability bins (ten by default). */
export function calibrationTable(probabilities: readonly number[], labels: readonly boolean[], bins = 10): CalibrationBin[] {
  const table = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, sumP: 0, positives: 0 }));
  probabilities.forEach((p, i) => {
    const bin = table[Math.min(bins - 1, Math.floor(p * bins))]!;
    bin.count++;
    bin.sumP += p;
    if (labels[i]) bin.positives++;
  });
  return table.map(({ from, to, count, sumP, positives }) => ({
    from: round(from),
    to: round(to),
    count,
    meanPredicted: count > 0 ? sumP / count : null,
    observedRate: count > 0 ? positives / count : null,
  }));
}

export interface PrecisionRecall {
  flagged: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
}

/** How well a yes/no flag picks out the positives. */
export function precisionRecall(flagged: readonly boolean[], labels: readonly boolean[]): PrecisionRecall {
  let f = 0;
  let tp = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]) positives++;
    if (flagged[i]) {
      f++;
      if (labels[i]) tp++;
    }
  }
  return { flagged: f, truePositives: tp, precision: f > 0 ? tp / f : null, recall: positives > 0 ? tp / positives : null };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
