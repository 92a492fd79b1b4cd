import type { CustomerEvaluation, Features, Level, SilentIndicator } from './evaluation.js';
import type { Policy } from './policy/policy-schema.js';
import { holds } from './scales.js';

const indicators: readonly SilentIndicator['indicator'][] = ['R', 'wechatPerMonth', 'callAnswerRate', 'sat5', 'complaints365'];

/**
 * scoring.md §9: each indicator graded danger first, then warning; an indicator with no data
 * (null) is normal. The number of abnormal indicators sets the level.
 */
export function silentLevel(f: Features, p: Policy['silent']): CustomerEvaluation['silent'] {
  const abnormal: SilentIndicator[] = [];
  for (const indicator of indicators) {
    const value = f[indicator];
    if (value === null) continue;
    const grades = p.indicators[indicator];
    if (holds(grades.danger, value)) abnormal.push({ indicator, grade: 'danger', value });
    else if (holds(grades.warning, value)) abnormal.push({ indicator, grade: 'warning', value });
  }
  const n = abnormal.length;
  const level: Level = n >= p.levels.red ? 'red' : n >= p.levels.orange ? 'orange' : n >= p.levels.yellow ? 'yellow' : 'green';
  return { level, abnormal };
}
