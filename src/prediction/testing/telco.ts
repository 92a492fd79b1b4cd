import { parse } from 'csv-parse/sync';
import { readSharedData } from './shared-data.js';

/** The 16 categorical columns the published baselines one-hot encode (shared/data/README.md §4.1). */
const categorical = [
  'gender', 'SeniorCitizen', 'Partner', 'Dependents', 'PhoneService', 'MultipleLines', 'InternetService',
  'OnlineSecurity', 'OnlineBackup', 'DeviceProtection', 'TechSupport', 'StreamingTV', 'StreamingMovies',
  'Contract', 'PaperlessBilling', 'PaymentMethod',
] as const;
const numeric = ['tenure', 'MonthlyCharges', 'TotalCharges'] as const;

export interface Telco {
  features: string[];
  rows: number[][];
  churn: boolean[];
}

/** The Telco churn file encoded as the baselines do: one-hot categories, raw numbers, blank TotalCharges → 0. */
export function loadTelco(): Telco {
  const records = parse(readSharedData('telco', 'WA_Fn-UseC_-Telco-Customer-Churn.csv'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const levels = categorical.map((c) => [...new Set(records.map((r) => r[c]!))].sort());
  const features = [
    ...categorical.flatMap((c, i) => levels[i]!.map((v) => `${c}=${v}`)),
    ...numeric,
  ];
  const rows = records.map((r) => [
    ...categorical.flatMap((c, i) => levels[i]!.map((v) => (r[c] === v ? 1 : 0))),
    ...numeric.map((c) => {
      const v = Number(r[c]!.trim() === '' ? 0 : r[c]);
      return Number.isFinite(v) ? v : 0;
    }),
  ]);
  return { features, rows, churn: records.map((r) => r.Churn === 'Yes') };
}

/** A seeded permutation (mulberry32): the split is fixed, the same on every machine. */
export function shuffledIndices(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}
