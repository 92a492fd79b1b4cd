import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { fmtProbability } from '../format';
import { useI18n } from '../i18n';
import { channelName } from '../i18n/vocabulary';
import type { MessageKey } from '../i18n/zh-CN';
import type { RetentionSettings } from '../server-types';
import { yuan } from './yuan';

/** One line per entry, so a list of roles or levels reads down rather than running on. */
const lines = (items: ReactNode[]) => <div>{items.map((item, i) => <div key={i}>{item}</div>)}</div>;

/** The retention settings in words: costs, attribution, hold-out, approval limits, attempts policy, links and rewards. */
export function RetentionDescriptions({ settings: s }: { settings: RetentionSettings }) {
  const { t, lang } = useI18n();
  const link = (url: string | null, testId: string) => (url
    ? <Typography.Text copyable style={{ wordBreak: 'break-all' }} data-testid={testId}>{url}</Typography.Text>
    : <Typography.Text type="secondary" data-testid={testId}>{t('retention.notSet')}</Typography.Text>);
  const items: { label: string; children: ReactNode }[] = [
    { label: t('retention.messageCost'), children: lines(Object.entries(s.costs.message).map(([c, v]) => `${channelName(c, lang)} ${yuan(v)}`)) },
    { label: t('retention.staffPerMinute'), children: yuan(s.costs.staffPerMinute) },
    { label: t('retention.minutes'), children: t('retention.minutes.value', s.costs.minutes) },
    { label: t('retention.attribution'), children: t('unit.days', { n: s.attributionDays }) },
    { label: t('retention.holdOut'), children: fmtProbability(s.holdOut.share) },
    { label: t('retention.holdOutPrograms'), children: s.holdOut.programs.join(', ') || '—' },
    { label: t('retention.confidence'), children: fmtProbability(s.confidence) },
    {
      label: t('retention.approvalLimits'),
      children: lines(Object.entries(s.approvalLimits).map(([role, v]) => `${t(`role.${role}` as MessageKey)} ${v === null ? t('retention.noLimit') : yuan(v)}`)),
    },
    { label: t('retention.timesOfDay'), children: s.timesOfDay.map((x) => `${x.id} ${x.from}`).join(' · ') },
    {
      label: t('retention.attempts'),
      children: lines(Object.entries(s.attempts).map(([level, a]) => t('retention.attempts.value', {
        level: t(`recall.level.${level}` as MessageKey), attempts: a.minAttempts, channels: a.minChannels, times: a.minTimesOfDay,
      }))),
    },
    { label: t('retention.expectedRecall'), children: lines(Object.entries(s.expectedRecall).map(([level, p]) => `${t(`recall.level.${level}` as MessageKey)} ${fmtProbability(p)}`)) },
    { label: t('retention.survey'), children: link(s.links.survey, 'survey-link') },
    { label: t('retention.booking'), children: link(s.links.booking, 'booking-link') },
    { label: t('retention.rewards'), children: lines(Object.entries(s.incentives.perRecovery).map(([level, v]) => `${t(`level.${level}` as MessageKey)} ${yuan(v)}`)) },
    { label: t('retention.topRecoverer'), children: yuan(s.incentives.topRecoverer) },
  ];
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items.map((x, i) => ({ key: i, ...x }))} data-testid="retention-descriptions" />;
}
