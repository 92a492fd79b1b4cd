import { Typography } from 'antd';
import { useI18n } from '../i18n';
import { signalName } from '../i18n/vocabulary';

export interface ReasonFacts {
  daysSinceVisit: number | null;
  lastNps: number | null;
  lastSatisfaction?: number | null;
  signals: string[];
  rules: string[];
  reason?: string | null;
}

/**
 * The short "why" of a list row in the reader's language (R = 105 days · NPS 6 · signal),
 * built from the evaluation's numbers; the full sentence (stored in Chinese) is the tooltip.
 */
export function KeyReason({ facts }: { facts: ReasonFacts }) {
  const { lang } = useI18n();
  const parts: string[] = [];
  const r = facts.daysSinceVisit;
  const rText = r === null ? null : lang === 'en' ? `R = ${r} days` : `R = ${r} 天`;
  // Only the figures that count against the customer: a long absence, a passive or worse NPS, a low rating.
  if (rText && r !== null && r >= 30) parts.push(rText);
  if (facts.lastNps !== null && facts.lastNps <= 8) parts.push(`NPS ${facts.lastNps}`);
  if (facts.lastSatisfaction !== null && facts.lastSatisfaction !== undefined && facts.lastSatisfaction <= 3) {
    parts.push(lang === 'en' ? `satisfaction ${facts.lastSatisfaction}` : `满意度 ${facts.lastSatisfaction}`);
  }
  for (const s of facts.signals.slice(0, 2)) parts.push(signalName(s, lang));
  if (facts.rules.length > 0) parts.push((lang === 'en' ? 'rule ' : '规则 ') + facts.rules.join(', '));
  if (parts.length === 0 && rText) parts.push(rText);
  return (
    <Typography.Text title={facts.reason ?? undefined} style={{ fontSize: 13 }}>
      {parts.join(' · ') || '—'}
    </Typography.Text>
  );
}
