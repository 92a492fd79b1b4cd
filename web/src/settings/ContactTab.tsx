import { Card, Collapse, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LoadState } from '../components/LoadState';
import { useI18n, type T } from '../i18n';
import { codeLabel } from '../i18n/code-label';
import type { ContactPolicy, VersionedDocument } from '../server-types';
import { useMe } from '../session';
import { useApi } from '../use-api';
import { canEditDocuments } from './editors';
import { JsonDraft } from './JsonDraft';
import { SaveBar } from './SaveBar';
import { useDraft } from './use-draft';
import { VersionsPanel } from './VersionsPanel';

/** Retries shown before "…": a long schedule is capped anyway, its tail says nothing new. */
const SHOWN_RETRIES = 6;

/** 60 → 1 分钟, 3600 → 1 小时, 90 → 90 秒: the unit that divides the delay. */
function secondsText(s: number, t: T): string {
  if (s % 3600 === 0) return t('unit.hours', { n: s / 3600 });
  if (s % 60 === 0) return t('unit.minutes', { n: s / 60 });
  return t('contact.seconds', { n: Math.round(s) });
}

/** The waits between attempts, as the outbox computes them (initial × factor^k, capped). */
function retryText(r: ContactPolicy['retry'], t: T): string {
  if (r.maxAttempts <= 1) return t('contact.retry.once');
  const waits = Array.from({ length: Math.min(r.maxAttempts - 1, SHOWN_RETRIES) }, (_, k) =>
    secondsText(Math.min(r.initialDelaySeconds * r.factor ** k, r.maxDelaySeconds), t));
  return t('contact.retry.value', { n: r.maxAttempts, delays: waits.join(' → ') + (r.maxAttempts - 1 > SHOWN_RETRIES ? ' → …' : '') });
}

/** The contact policy in words: what every automated message passes in the outbox (programs.md §10). */
function ContactDescriptions({ policy: p }: { policy: ContactPolicy }) {
  const { t } = useI18n();
  const list = (codes: string[], prefix: string) => (codes.length > 0 ? codes.map((c) => codeLabel(t, `${prefix}.${c}`, c)).join('、') : t('contact.none'));
  const quiet = p.quietHours.start === p.quietHours.end ? t('contact.quietHours.none') : t('contact.quietHours.value', p.quietHours);
  const items: { label: string; children: ReactNode }[] = [
    { label: t('contact.quietHours'), children: <span data-testid="contact-quiet-hours">{quiet}</span> },
    { label: t('contact.cap'), children: t('contact.cap.value', { n: p.frequencyCap.maxTouches, days: p.frequencyCap.windowDays }) },
    { label: t('contact.humanCallDay'), children: t(p.frequencyCap.noTouchOnHumanCallDay ? 'contact.humanCallDay.yes' : 'contact.humanCallDay.no') },
    { label: t('contact.exempt'), children: list(p.frequencyCap.exemptPurposes, 'purpose') },
    { label: t('contact.noOutreach'), children: list(p.lifecycle.noOutreach, 'lifecycle') },
    { label: t('contact.farewell'), children: codeLabel(t, `purpose.${p.lifecycle.farewellPurpose}`, p.lifecycle.farewellPurpose) },
    { label: t('contact.optOut'), children: p.optOut.words.map((w) => <Typography.Text code key={w}>{w}</Typography.Text>) },
    { label: t('contact.retry'), children: retryText(p.retry, t) },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items.map((x, i) => ({ key: i, ...x }))} data-testid="contact-descriptions" />;
}

/**
 * Consent and quiet hours (联系规则): the outbox's contact policy (GET/PUT /api/v1/settings/contact),
 * described in words, edited as a JSON draft and saved as a new version with who and when.
 */
export function ContactTab() {
  const loaded = useApi<VersionedDocument>('/settings/contact');
  return <LoadState loaded={loaded}>{(info) => <ContactEditor info={info} onSaved={loaded.reload} />}</LoadState>;
}

function ContactEditor({ info, onSaved }: { info: VersionedDocument; onSaved: () => void }) {
  const { t } = useI18n();
  const canEdit = canEditDocuments(useMe().staff.role);
  const draft = useDraft(info.document as unknown as ContactPolicy);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <VersionsPanel info={info} />
      <Card size="small" title={t('contact.title', { version: info.version })}>
        <ContactDescriptions policy={info.document as unknown as ContactPolicy} />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('contact.note')}</Typography.Paragraph>
      </Card>
      <Collapse size="small" items={[{ key: 'json', label: t('settings.json'), children: <JsonDraft draft={draft} readOnly={!canEdit} testId="contact-json" /> }]} />
      <SaveBar path="/settings/contact" draft={draft} canEdit={canEdit} onSaved={onSaved} />
    </Space>
  );
}
