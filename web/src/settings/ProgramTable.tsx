import { Button, Grid, Space, Switch, Table, Tag, Typography } from 'antd';
import { codeLabel } from '../i18n/code-label';
import { useI18n } from '../i18n';
import type { Program } from '../server-types';
import { offsetText, stepText, triggerText } from './program-text';
import { StepTable } from './StepTable';

/**
 * The programs of a draft as a readable table: trigger, the steps in one line each (all of them in
 * the expanded row), stop conditions, and the switch that enables a program (for those who may save).
 */
export function ProgramTable({ programs, canEdit, onToggle, onPreview }: {
  programs: Program[]; canEdit: boolean; onToggle: (id: string, enabled: boolean) => void; onPreview: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  // A phone shows name, trigger and the switch; the steps are one tap away in the expanded row.
  const wide = Grid.useBreakpoint().md;
  return (
    <Table<Program>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: wide ? 900 : 'max-content' }}
      dataSource={programs}
      data-testid="programs-table"
      expandable={{ expandedRowRender: (p) => <StepTable steps={p.steps} /> }}
      columns={[
        {
          title: t('programs.program'), key: 'name', width: 200,
          render: (_, p) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{p.name[lang]}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.id}</Typography.Text>
            </Space>
          ),
        },
        { title: t('programs.trigger'), key: 'trigger', width: 170, render: (_, p) => triggerText(p.trigger, t, lang) },
        {
          title: t('programs.steps'), key: 'steps', responsive: ['md'],
          render: (_, p) => (
            <div style={{ fontSize: 12 }}>
              {p.steps.map((s) => <div key={s.id}>{offsetText(s, t)} · {stepText(s, t, lang)}</div>)}
            </div>
          ),
        },
        {
          title: t('programs.stopWhen'), key: 'stop', width: 150, responsive: ['lg'],
          render: (_, p) => <Space size={[0, 4]} wrap>{p.stopWhen.map((s) => <Tag key={s}>{codeLabel(t, `stop.${s}`, s)}</Tag>)}</Space>,
        },
        { title: t('programs.timing'), dataIndex: 'timing', width: 90, responsive: ['lg'], render: (v: string) => codeLabel(t, `programs.timing.${v}`, v) },
        {
          title: t('settings.enabled'), dataIndex: 'enabled', width: 86, fixed: 'right',
          render: (on: boolean, p) => <Switch size="small" checked={on} disabled={!canEdit} onChange={(v) => onToggle(p.id, v)} data-testid={`program-enabled-${p.id}`} />,
        },
        {
          title: '', key: 'preview', width: 80, fixed: 'right',
          render: (_, p) => <Button size="small" onClick={() => onPreview(p.id)} data-testid={`preview-program-${p.id}`}>{t('preview.run')}</Button>,
        },
      ]}
    />
  );
}
