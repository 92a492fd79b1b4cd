import { Table, Typography } from 'antd';
import { useI18n } from '../i18n';
import type { ProgramStep } from '../server-types';
import { durationText, escalationText, offsetText, stepText } from './program-text';

/** A program's steps in order: when each starts, what it does and who, its deadline and what happens when it is missed. */
export function StepTable({ steps }: { steps: ProgramStep[] }) {
  const { t, lang } = useI18n();
  return (
    <Table<ProgramStep>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 760 }}
      dataSource={steps}
      data-testid="program-steps"
      columns={[
        { title: t('programs.step'), dataIndex: 'id', width: 150, render: (id: string, s) => <>{id}{s.needs && <Typography.Text type="secondary"> ← {s.needs}</Typography.Text>}</> },
        { title: t('programs.offset'), key: 'offset', width: 130, render: (_, s) => offsetText(s, t) },
        { title: t('programs.kind'), key: 'what', width: 150, render: (_, s) => stepText(s, t, lang) },
        {
          title: t('programs.scriptOrTemplate'), key: 'script', width: 170,
          render: (_, s) => <Typography.Text code style={{ fontSize: 12 }}>{(s.kind === 'task' ? s.script : s.template) ?? '—'}</Typography.Text>,
        },
        { title: t('programs.deadline'), key: 'deadline', width: 90, render: (_, s) => durationText(s.deadline, t) },
        { title: t('programs.escalation'), key: 'escalation', render: (_, s) => escalationText(s.escalation, t) },
      ]}
    />
  );
}
