import { defaultPrograms } from '../default-programs.js';
import { planRun, planSteps, type RunPlan } from '../plan-steps.js';
import type { PlannedStep, TriggerOccurrence } from '../types.js';

/** Test helper: plans a shipped preset for customer c1 in Asia/Shanghai (or the given zone). */
export function planPreset(programId: string, at: string, extra: Partial<TriggerOccurrence> = {}, timeZone = 'Asia/Shanghai'): PlannedStep[] {
  return planSteps(defaultPrograms(), { programId, triggerKey: 't1', customerId: 'c1', at, ...extra }, { timeZone });
}

/** Test helper: the whole plan of a shipped preset, with the steps that wait for an event. */
export function planPresetRun(programId: string, at: string, extra: Partial<TriggerOccurrence> = {}, timeZone = 'Asia/Shanghai'): RunPlan {
  const doc = defaultPrograms();
  const program = doc.programs.find((p) => p.id === programId)!;
  return planRun(program, doc.version, { programId, triggerKey: 't1', customerId: 'c1', at, ...extra }, { timeZone, workingHours: doc.workingHours });
}

/** Test helper: `step → role due … deadline` lines, to read a whole preset at a glance. */
export function summary(steps: PlannedStep[]): string[] {
  return steps.map((s) => `${s.step} ${s.role} ${s.kind === 'task' ? s.taskType : s.channel} ${s.due}${s.deadline ? ` → ${s.deadline}` : ''}`);
}
