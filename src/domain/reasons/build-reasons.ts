import type { CustomerEvaluation, Features, Lang, Level, SignalHit } from '../evaluation.js';
import { levelRank } from '../levels.js';
import type { Policy } from '../policy/policy-schema.js';
import type { ResponseLevel, ResponseTrigger } from '../response-level.js';
import type { FiredRule } from '../rules/evaluate-rules.js';
import { signalNumber, type SignalId } from '../signal-ids.js';
import type { WarningLevel } from '../warning-level.js';
import { phrase } from './field-phrases.js';
import { messages, type Messages } from './messages.js';

export interface ReasonInputs {
  features: Features;
  risk: CustomerEvaluation['risk'];
  riskWeights: Policy['risk']['weights'];
  response: ResponseLevel;
  rules: readonly FiredRule[];
  silent: CustomerEvaluation['silent'];
  signals: readonly SignalHit[];
  level: WarningLevel;
}

const responseStep = { yellow: 1, orange: 2, red: 3 } as const;

/** The features a signal is read from, worded in the reader's language (`detail` stays technical). */
const signalFeatures: Record<SignalId, (keyof Features)[]> = {
  maintenance_overdue_unanswered: ['overdueDays', 'remindersUnanswered', 'refusedToBook'],
  nps_drop: ['lastNps', 'prevNps'],
  appointment_cancelled: ['cancellations90', 'reschedules90'],
  app_inactive: ['appLogins30', 'appBaseline'],
  complaint_silence: ['complaintSilenceDays'],
  value_add_refused: ['valueAddDeclineStreak'],
  basic_only: ['basicOnlyStreak', 'ticketTrend'],
  no_activities: ['invited365', 'attended365'],
  contact_invalid: ['contactInvalid'],
  social_negative: ['socialNegativeOpen'],
};

function trigger(t: ResponseTrigger, lang: Lang): string {
  return phrase(t.kind === 'signals' ? 'signals.count' : t.kind, t.value, lang);
}

/**
 * Every cause behind the level, most severe first: the causes that carry a level (risk tier,
 * response level, each rule, the silent level, the observation raise) by that level, then the
 * signals, which feed the risk score and the response level, by their stars. Ties keep that order.
 */
export function buildReasons(x: ReasonInputs, lang: Lang): string[] {
  const m: Messages = messages[lang];
  const leveled: { level: Level; text: string }[] = [];
  const add = (level: Level, text: string): void => {
    if (level !== 'green') leveled.push({ level, text: m.because(level) + text });
  };

  const w = x.riskWeights;
  const c = x.risk.components;
  add(x.risk.tier, m.riskScore(x.risk.score.toFixed(1), [
    { weight: w.r, name: 'r', value: c.r },
    { weight: w.signals, name: 'signals', value: c.signals },
    { weight: w.nps, name: 'nps', value: c.nps },
  ]));
  if (x.response.level) {
    add(x.response.level, m.response(responseStep[x.response.level], x.response.triggers.map((t) => trigger(t, lang))));
  }
  for (const { hit, supporting } of x.rules) {
    const what = supporting.length ? supporting.map((s) => phrase(s.field, s.value, lang)).join(m.listSeparator) : hit.detail;
    add(hit.level, m.rule(hit.id, what));
  }
  add(x.silent.level, m.silent(x.silent.abnormal.map((a) => ({ what: phrase(a.indicator, a.value, lang), grade: a.grade }))));
  if (x.level.raisedFrom && x.features.returnedAt) {
    add(x.level.level, m.observation(x.features.returnedAt, x.level.raisedFrom));
  }
  leveled.sort((a, b) => levelRank[b.level] - levelRank[a.level]);

  const signals = [...x.signals].sort((a, b) => b.severity - a.severity);
  return [
    ...leveled.map((r) => r.text),
    ...signals.map((s) => {
      const id = s.id as SignalId;
      const what = signalFeatures[id].map((f) => phrase(f, x.features[f], lang)).join(m.listSeparator);
      return m.signal(signalNumber(id), m.signalName[id], s.severity, s.penalty, what);
    }),
  ];
}
