import type { Features, Level } from './evaluation.js';
import type { Policy } from './policy/policy-schema.js';

export type ResponseTrigger =
  | { kind: 'R'; value: number; min: number }
  | { kind: 'signals'; value: number; min: number }
  | { kind: 'lastNps'; value: number; max: number };

export interface ResponseLevel {
  level: Exclude<Level, 'green'> | null;
  /** What put the customer at that level, for the reason. */
  triggers: ResponseTrigger[];
}

/**
 * scoring.md §5. The spec's bands ("R 31–60, or exactly one signal") read as minimums checked
 * from the top: the highest level any trigger reaches wins.
 */
export function responseLevel(f: Features, signalCount: number, p: Policy['responseLevels']): ResponseLevel {
  for (const level of ['red', 'orange', 'yellow'] as const) {
    const step = p[level];
    const triggers: ResponseTrigger[] = [];
    if (f.R >= step.minR) triggers.push({ kind: 'R', value: f.R, min: step.minR });
    if (signalCount >= step.minSignals) triggers.push({ kind: 'signals', value: signalCount, min: step.minSignals });
    if (step.maxLastNps !== null && f.lastNps !== null && f.lastNps <= step.maxLastNps) {
      triggers.push({ kind: 'lastNps', value: f.lastNps, max: step.maxLastNps });
    }
    if (triggers.length > 0) return { level, triggers };
  }
  return { level: null, triggers: [] };
}
