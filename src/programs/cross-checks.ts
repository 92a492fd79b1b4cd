import type { z } from 'zod';
import { durationMinutes, toDuration } from './duration.js';
import type { ProgramDocument } from './program-schema.js';

type Path = (string | number)[];
type Issue = (path: Path, message: string) => void;
type Program = ProgramDocument['programs'][number];

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function checkTrigger(p: Program, at: Path, issue: Issue): void {
  const t = p.trigger;
  if (t.kind === 'event' && t.event !== 'low_rating') {
    for (const k of ['maxSatisfaction', 'maxNps', 'withinHoursOfVisit'] as const)
      if (t[k] !== undefined) issue([...at, 'trigger', k], 'only a low_rating trigger takes rating thresholds');
  }
  if (t.kind === 'event' && t.event === 'low_rating' && t.maxSatisfaction === undefined && t.maxNps === undefined)
    issue([...at, 'trigger'], 'a low_rating trigger needs maxSatisfaction or maxNps');
  if (t.kind === 'segment') {
    if (t.level !== undefined && t.segment !== 'silent') issue([...at, 'trigger', 'level'], 'only the silent segment has a level');
    if (t.segment === 'silent' && t.level === undefined) issue([...at, 'trigger', 'level'], 'the silent segment needs a level');
    if (t.recallLevel !== undefined && t.segment !== 'lost') issue([...at, 'trigger', 'recallLevel'], 'only the lost segment has a recall level');
  }
}

/** A step started by an event: it counts from that event only, and the stop it starts on must not cancel it. */
function checkAfter(p: Program, s: Program['steps'][number], sp: Path, issue: Issue): void {
  if (s.anchor !== 'trigger') issue([...sp, 'anchor'], `a step after "${s.after}" counts its offset from that event, not from the ${s.anchor === 'moment' ? 'care moment' : 'last visit'}`);
  if (p.stopWhen.includes(s.after!) && !s.ignoresStop)
    issue([...sp, 'ignoresStop'], `"${s.after}" also stops this program: set ignoresStop to true, or that stop would cancel the step it starts`);
}

/**
 * Steps: unique ids, escalation only after a deadline, `needs` pointing back, trigger offsets in
 * order (a step after an event has no place in that order), timing options that fit together.
 */
function checkSteps(p: Program, at: Path, issue: Issue): void {
  const seen = new Set<string>();
  let lastOffset = -1;
  p.steps.forEach((s, j) => {
    const sp = [...at, 'steps', j];
    if (seen.has(s.id)) issue([...sp, 'id'], `duplicate step id "${s.id}"`);
    if (s.needs !== undefined && !seen.has(s.needs)) issue([...sp, 'needs'], `must name an earlier step of this program ("${s.needs}" is not one)`);
    seen.add(s.id);
    if (s.escalation.length > 0 && s.deadline === undefined) issue([...sp, 'escalation'], 'an escalation needs a deadline to miss');
    s.escalation.forEach((r, k) => {
      if ('raiseLevel' in r && k !== s.escalation.length - 1) issue([...sp, 'escalation', k], 'raising the warning level must be the last rung');
    });
    if (s.ifTimePassed !== undefined && s.atLocalTime === undefined) issue([...sp, 'ifTimePassed'], 'only a step with atLocalTime says what happens once that time has passed');
    if (s.anchor === 'moment' && p.trigger.kind !== 'care') issue([...sp, 'anchor'], 'only a care program has a moment to count from');
    if (s.after !== undefined) checkAfter(p, s, sp, issue);
    else if (s.anchor === 'trigger') {
      // Steps are listed in time order; equal offsets are alternatives or companions.
      const m = durationMinutes(toDuration(s.offset));
      if (m < lastOffset) issue([...sp, 'offset'], 'steps must be listed in order of their offset from the trigger');
      lastOffset = m;
    }
  });
}

/** Sanity across fields that a per-field schema cannot see; runs once every field has the right type. */
export function programCrossChecks(doc: ProgramDocument, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  const wh = doc.workingHours;
  if (minutesOf(wh.end) <= minutesOf(wh.start)) issue(['workingHours', 'end'], `must be after start (${wh.start})`);
  if (new Set(wh.days).size !== wh.days.length) issue(['workingHours', 'days'], 'a weekday is listed twice');
  const ids = new Set<string>();
  doc.programs.forEach((p, i) => {
    const at: Path = ['programs', i];
    if (ids.has(p.id)) issue([...at, 'id'], `duplicate program id "${p.id}"`);
    ids.add(p.id);
    checkTrigger(p, at, issue);
    checkSteps(p, at, issue);
    if (p.steps.some((s) => s.kind === 'task' && s.slot === 'early_warning') && p.trigger.kind !== 'warning')
      issue([...at, 'trigger'], 'only a warning program can fill the early-warning task slot');
  });
}
