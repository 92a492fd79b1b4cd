import { Collapse, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { TaskDetail } from './types';

/** Beside a call script: the offer stage for each other churn reason, and the message templates, both filled in. */
export function ScriptExtras({ scripts }: { scripts: Pick<TaskDetail['scripts'], 'otherReasons' | 'templates'> }) {
  const { t } = useI18n();
  if (scripts.otherReasons.length === 0 && scripts.templates.length === 0) return null;
  return (
    <Collapse
      size="small"
      items={[
        ...(scripts.otherReasons.length > 0 ? [{
          key: 'reasons', label: t('task.otherReasons'),
          children: scripts.otherReasons.map((o) => (
            <Typography.Paragraph key={o.id}><Typography.Text strong>{t(`churn.${o.reason}` as MessageKey)}</Typography.Text>: {o.text}</Typography.Paragraph>
          )),
        }] : []),
        ...(scripts.templates.length > 0 ? [{
          key: 'templates', label: t('task.templates'),
          children: scripts.templates.map((m) => (
            <Typography.Paragraph key={m.id}><Tag>{m.channel}</Tag>{m.subject ? `${m.subject} — ` : ''}{m.body}</Typography.Paragraph>
          )),
        }] : []),
      ]}
    />
  );
}
