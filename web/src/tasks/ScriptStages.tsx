import { Empty, Steps, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { ScriptStage } from './types';

/** A call script stage by stage (opening → probing → offer → closing), fields the data lacks flagged "to fill". */
export function ScriptStages({ stages }: { stages: ScriptStage[] }) {
  const { t } = useI18n();
  if (stages.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noScript')} />;
  return (
    <Steps
      direction="vertical"
      size="small"
      current={-1}
      items={stages.map((s) => ({
        title: <>{t(`stage.${s.stage}` as MessageKey)} · {s.title}</>,
        status: 'process' as const,
        description: (
          <div data-testid="script-stage">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{s.text}</Typography.Paragraph>
            {s.tip && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>{s.tip}</Typography.Paragraph>}
            {s.missing.length > 0 && <Tag color="warning">{t('task.missing', { fields: s.missing.join(', ') })}</Tag>}
          </div>
        ),
      }))}
    />
  );
}
