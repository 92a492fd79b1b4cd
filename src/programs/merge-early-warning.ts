import type { Level } from '../domain/evaluation.js';
import { levelRank, maxLevel } from '../domain/levels.js';
import type { HumanRole } from './program-schema.js';
import type { PlannedStep } from './types.js';

/**
 * programs.md §1: a customer has at most one open early-warning task. When the risk warning and
 * the health warning both call for one, the single task takes the role and deadline of the more
 * urgent and carries both reasons.
 */
export interface EarlyWarningCall {
  /** The planned step key(s) this call stands for. */
  keys: string[];
  role: HumanRole;
  level: Level;
  due: string;
  deadline: string;
  reasons: string[];
}

/** The open early-warning task as the engine holds it. */
export interface OpenEarlyWarningTask {
  role: HumanRole;
  level: Level;
  deadline: string;
  reasons: string[];
}

export type EarlyWarningDecision =
  | { action: 'open'; call: EarlyWarningCall }
  /** The open task already covers it; new reasons (if any) are added to it. */
  | { action: 'keep'; addReasons: string[] }
  /** Same person, more urgent: raise the level and bring the deadline forward. */
  | { action: 'tighten'; level: Level; deadline: string; addReasons: string[] }
  /** More urgent and for another role: close the open task as superseded and open this one. */
  | { action: 'replace'; call: EarlyWarningCall };

const roleRank: Readonly<Record<HumanRole, number>> = {
  advisor: 0, retention_specialist: 1, service_manager: 2, store_manager: 3, general_manager: 4,
};

/** The call for a planned step in the early-warning slot (null for any other step). */
export function earlyWarningCall(step: PlannedStep): EarlyWarningCall | null {
  if (step.kind !== 'task' || step.slot !== 'early_warning' || step.role === 'automated' || step.deadline === null) return null;
  return { keys: [step.key], role: step.role, level: step.level ?? 'yellow', due: step.due, deadline: step.deadline, reasons: [...step.reasons] };
}

/**
 * Negative when `a` is more urgent: the higher warning level first (a red call goes to its
 * manager even if an orange deadline is nearer), then the earlier deadline, then the senior role.
 */
export function compareUrgency(a: Pick<EarlyWarningCall, 'level' | 'deadline' | 'role'>, b: Pick<EarlyWarningCall, 'level' | 'deadline' | 'role'>): number {
  return levelRank[b.level] - levelRank[a.level]
    || Date.parse(a.deadline) - Date.parse(b.deadline)
    || roleRank[b.role] - roleRank[a.role];
}

function union(first: string[], then: string[]): string[] {
  return [...new Set([...first, ...then])];
}

/** One call out of several (risk and health): the most urgent, with every reason and key. */
export function mergeEarlyWarningCalls(calls: EarlyWarningCall[]): EarlyWarningCall | null {
  if (calls.length === 0) return null;
  const sorted = [...calls].sort(compareUrgency);
  const top = sorted[0]!;
  return {
    ...top,
    level: sorted.reduce<Level>((l, c) => maxLevel(l, c.level), top.level),
    keys: union([], sorted.flatMap((c) => c.keys)),
    reasons: union([], sorted.flatMap((c) => c.reasons)),
  };
}

/** What a new call does to the customer's open early-warning task. */
export function decideEarlyWarningTask(open: OpenEarlyWarningTask | null, call: EarlyWarningCall): EarlyWarningDecision {
  if (open === null) return { action: 'open', call };
  const addReasons = call.reasons.filter((r) => !open.reasons.includes(r));
  if (compareUrgency(call, open) >= 0) return { action: 'keep', addReasons };
  if (call.role === open.role) {
    const deadline = Date.parse(call.deadline) < Date.parse(open.deadline) ? call.deadline : open.deadline;
    return { action: 'tighten', level: maxLevel(open.level, call.level), deadline, addReasons };
  }
  return { action: 'replace', call: { ...call, level: maxLevel(open.level, call.level), reasons: union(call.reasons, open.reasons) } };
}
