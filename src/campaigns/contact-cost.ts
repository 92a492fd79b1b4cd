import type { Program } from '../programs/program-schema.js';
import type { RetentionSettings } from './settings-schema.js';

/**
 * What one customer's planned contacts cost (programs.md §12): each call and personal WeChat at
 * its staff minutes (a call counted as connected: the launch's figure is an upper bound), each
 * automated message at its channel's price.
 */
export function plannedContactCost(program: Program, settings: RetentionSettings): number {
  const c = settings.costs;
  let cost = 0;
  for (const step of program.steps) {
    if (step.kind === 'message') cost += c.message[step.channel];
    else if (step.taskType === 'call') cost += c.minutes.connected * c.staffPerMinute;
    else if (step.taskType === 'wechat') cost += c.minutes.wechat * c.staffPerMinute;
  }
  return cost;
}
