import { maskPhone } from '../auth/mask-phone.js';
import { audiencesFor } from '../scripts/audiences-for.js';
import { occasionForTask } from '../scripts/occasion-for-task.js';
import { scriptsForTask, type TaskScripts } from '../scripts/scripts-for-task.js';
import { churnReasons, dormantTypes, type Lang, type MessageChannel } from '../scripts/vocabulary.js';
import type { Db } from '../store/db.js';
import { getOpenWarning, type WarningView } from '../store/read-warnings.js';
import { getActiveLibrary } from './active-library.js';
import { loadScriptSubject } from './load-script-context.js';
import { factsOfTask } from './programs/run-facts.js';

export interface BriefedTask {
  /** The task, when the briefing is for one: its run's facts (the holiday, the milestone) fill the script. */
  id?: string;
  customerId: string;
  assigneeId: string | null;
  programId: string;
  stepId: string;
  type: string;
}

export interface CustomerBrief {
  id: string;
  name: string;
  phoneMasked: string | null;
  storeId: string;
  storeName: string;
  advisorId: string | null;
  advisorName: string | null;
  level: string | null;
  valueTier: string | null;
  lifecycle: string | null;
  daysSinceVisit: number | null;
  evaluatedAsOf: string | null;
}

export interface TaskBriefing {
  customer: CustomerBrief;
  warning: WarningView | null;
  scripts: TaskScripts;
}

/** Templates beside a task: its own channel for a WeChat task, an SMS after an unanswered call. */
const CHANNEL_OF_TASK: Record<string, MessageChannel> = { wechat: 'wechat', call: 'sms' };

/**
 * What the person doing a task needs on one screen (screens.md, task inbox): who the customer is,
 * why the task exists, and the script filled in for this customer — spoken by the task's assignee.
 */
export async function loadTaskBriefing(db: Db, task: BriefedTask, now: Date, lang: Lang): Promise<TaskBriefing> {
  const moment = task.id === undefined ? {} : await factsOfTask(db, task.id);
  const subject = await loadScriptSubject(db, task.customerId, now, task.assigneeId, moment);
  const warning = await getOpenWarning(db, task.customerId);
  const ev = subject.evaluation?.record ?? null;
  const recorded = churnReasons.find((r) => r === subject.outreach.churnReason) ?? null;
  // The dormant type as the programs read it (programs.md §7): recorded, else from the data.
  const dissatisfied = ev !== null && (ev.features.complaints365 > 0 || (ev.features.lastNps !== null && ev.features.lastNps <= 6));
  const dormantType = dormantTypes.find((d) => d === subject.outreach.dormantType) ?? (ev?.lifecycle === 'dormant' ? (dissatisfied ? 'dissatisfied' : 'passive') : null);
  const scripts = scriptsForTask({
    library: await getActiveLibrary(db),
    context: subject.context,
    lang,
    occasion: occasionForTask(task.programId, task.stepId),
    recordedReason: recorded,
    audiences: ev ? audiencesFor(ev.lifecycle, ev.valueTier, warning !== null) : [],
    dormantType,
    recallLevel: ev?.recall.level ?? null,
    channel: CHANNEL_OF_TASK[task.type] ?? null,
    links: subject.links,
  });
  const c = subject.customer;
  return {
    customer: {
      id: c.id, name: c.name, phoneMasked: maskPhone(c.phone), storeId: subject.store.id, storeName: subject.store.name,
      advisorId: c.advisorId ?? null, advisorName: subject.advisor?.name ?? null, level: ev?.level ?? null,
      valueTier: ev?.valueTier ?? null, lifecycle: ev?.lifecycle ?? null, daysSinceVisit: ev?.features.R ?? null,
      evaluatedAsOf: subject.evaluation?.asOf ?? null,
    },
    warning,
    scripts,
  };
}
