import type { Lang, T } from '../i18n';
import { codeLabel } from '../i18n/code-label';
import { channelName, signalName } from '../i18n/vocabulary';
import type { ProgramStep, ProgramTrigger } from '../server-types';

type Duration = ProgramStep['offset'];
type Rung = ProgramStep['escalation'][number];

/** `PT72H` → 72 小时, `P7D` → 7 天, `PT0M` → 立即; a `{ days, hours, minutes }` object likewise. */
export function durationText(d: Duration | undefined, t: T): string {
  if (d === undefined) return '—';
  let parts: { days: number; hours: number; minutes: number };
  if (typeof d === 'string') {
    const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(d);
    if (!m) return d;
    parts = { days: Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0), hours: Number(m[3] ?? 0), minutes: Number(m[4] ?? 0) };
  } else {
    parts = { days: d.days ?? 0, hours: d.hours ?? 0, minutes: d.minutes ?? 0 };
  }
  const text = [
    parts.days > 0 ? t('unit.days', { n: parts.days }) : '',
    parts.hours > 0 ? t('unit.hours', { n: parts.hours }) : '',
    parts.minutes > 0 ? t('unit.minutes', { n: parts.minutes }) : '',
  ].filter(Boolean).join(' ');
  return text || t('programs.immediately');
}

export function triggerText(trigger: ProgramTrigger, t: T, lang: Lang): string {
  switch (trigger.kind) {
    case 'warning':
      return t('trigger.warning', { source: t(`trigger.source.${trigger.source}`), level: t(`level.${trigger.level}`) });
    case 'event': {
      const limits = [
        trigger.maxSatisfaction !== undefined ? `≤ ${trigger.maxSatisfaction}★` : '',
        trigger.maxNps !== undefined ? `NPS ≤ ${trigger.maxNps}` : '',
        trigger.withinHoursOfVisit !== undefined ? t('unit.hours', { n: trigger.withinHoursOfVisit }) : '',
      ].filter(Boolean);
      const name = codeLabel(t, `trigger.event.${trigger.event}`, trigger.event);
      return limits.length > 0 ? `${name} (${limits.join(', ')})` : name;
    }
    case 'signal':
      return t('trigger.signal', { signal: signalName(trigger.signal, lang) });
    case 'segment':
      return [
        codeLabel(t, `trigger.segment.${trigger.segment}`, trigger.segment),
        trigger.level ? t(`level.${trigger.level}`) : '',
        trigger.recallLevel ? t('trigger.recallLevel', { n: trigger.recallLevel }) : '',
      ].filter(Boolean).join(' · ');
    case 'care':
      return t('trigger.care', { moment: codeLabel(t, `trigger.care.${trigger.moment}`, trigger.moment) });
  }
}

/** What a step does: a call by an advisor, an SMS sent by the outbox. */
export function stepText(step: ProgramStep, t: T, lang: Lang): string {
  return step.kind === 'task'
    ? `${codeLabel(t, `taskType.${step.taskType}`, step.taskType)} · ${codeLabel(t, `role.${step.role}`, step.role)}`
    : `${channelName(step.channel, lang)} · ${codeLabel(t, `purpose.${step.purpose}`, step.purpose)}`;
}

/**
 * When a step starts: its offset from the trigger, from the last visit or from the event it waits
 * for, at a local time if set (that same day even when already passed, if the step says so).
 */
export function offsetText(step: ProgramStep, t: T): string {
  const offset = durationText(step.offset, t);
  const from = step.after
    ? t('programs.afterEvent', { offset, event: codeLabel(t, `stop.${step.after}`, step.after) })
    : step.anchor === 'last_visit' ? t('programs.afterLastVisit', { offset })
      : step.anchor === 'moment' ? t('programs.afterMoment', { offset }) : offset;
  if (!step.atLocalTime) return from;
  return step.ifTimePassed === 'at_once' ? `${from} @ ${step.atLocalTime} ${t('programs.sameDay')}` : `${from} @ ${step.atLocalTime}`;
}

export function escalationText(rungs: Rung[], t: T): string {
  if (rungs.length === 0) return '—';
  return rungs
    .map((r) => ('role' in r ? `${codeLabel(t, `role.${r.role}`, r.role)} (${durationText(r.deadline, t)})` : t('programs.raiseLevel', { level: t(`level.${r.raiseLevel}`) })))
    .join(' → ');
}
