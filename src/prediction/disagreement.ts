export type Disagreement = 'rules_higher' | 'model_higher';

/**
 * A red customer the model thinks will stay, or a green one it thinks will go: the rules and the
 * churn probability disagree, worth a second look (thresholds: the policy's `prediction.disagreement`).
 */
export function disagreementOf(level: string, churn: number | null, t: { low: number; high: number }): Disagreement | null {
  if (churn === null) return null;
  if (level === 'red' && churn < t.low) return 'rules_higher';
  if (level === 'green' && churn > t.high) return 'model_higher';
  return null;
}
