import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { fmtDateTime } from '../format';
import { codeLabel } from '../i18n/code-label';
import { useI18n, type T } from '../i18n';
import type { ProgramDocument, ProgramPreview as Preview } from '../server-types';
import { ApiErrorAlert } from './ApiErrorAlert';
import { durationText, escalationText } from './program-text';

type PlannedStep = Preview['steps'][number];

/**
 * What one program of the draft would do for one customer if triggered now — which steps, when, to
 * whom — computed by the API, which writes nothing. A draft the API refuses shows its field paths.
 */
export function ProgramPreview({ draft, programId, onProgram }: {
  draft: ProgramDocument | undefined; programId: string | undefined; onProgram: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const [customerId, setCustomerId] = useState('');
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!programId || !draft) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api<Preview>(`/programs/${encodeURIComponent(programId)}/preview`, { method: 'POST', body: { customerId: customerId.trim(), document: draft } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('preview.title')} data-testid="program-preview">
      <Space wrap>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          value={programId}
          onChange={onProgram}
          style={{ width: 260, maxWidth: '80vw' }}
          placeholder={t('programs.program')}
          options={(draft?.programs ?? []).map((p) => ({ value: p.id, label: `${p.name[lang]} (${p.id})` }))}
          data-testid="preview-program"
        />
        <Input
          value={customerId}
          onChange={(e) => setCustomerId(e.target.value)}
          onPressEnter={() => void run()}
          placeholder={t('preview.customerId')}
          style={{ width: 180 }}
          data-testid="preview-customer"
        />
        <Button type="primary" onClick={() => void run()} loading={busy} disabled={!programId || !customerId.trim() || !draft} data-testid="run-preview">
          {t('preview.run')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('preview.nothingSaved', { version: draft?.version ?? '—' })}
      </Typography.Paragraph>
      {error !== null && <div style={{ marginTop: 12 }}><ApiErrorAlert error={error} /></div>}
      {result && <PreviewResult preview={result} />}
    </Card>
  );
}

function PreviewResult({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  const facts = Object.entries(preview.trigger.facts);
  return (
    <div style={{ marginTop: 12 }} data-testid="program-preview-result">
      {!preview.enabled && <Alert type="warning" showIcon title={t('preview.disabled')} style={{ marginBottom: 8 }} />}
      <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
        <Typography.Text>{t('preview.triggerAt', { at: fmtDateTime(preview.trigger.at) })}</Typography.Text>
        {facts.map(([k, v]) => <Tag key={k}>{k}: {String(v)}</Tag>)}
      </Space>
      {preview.trigger.reasons.length > 0 && (
        <ul style={{ margin: '0 0 8px', paddingLeft: 18 }}>{preview.trigger.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
      )}
      <Table<PlannedStep>
        size="small"
        rowKey="step"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={preview.steps}
        data-testid="preview-steps"
        columns={[
          { title: t('programs.step'), dataIndex: 'step', width: 140 },
          {
            title: t('programs.kind'), key: 'what', width: 140,
            render: (_, s) => (s.kind === 'task' ? codeLabel(t, `taskType.${s.taskType}`, s.taskType ?? '') : `${s.channel ?? ''} · ${codeLabel(t, `purpose.${s.purpose}`, s.purpose ?? '')}`),
          },
          { title: t('preview.due'), key: 'due', width: 140, render: (_, s) => (s.start ? waitingText(s.start, t) : fmtDateTime(s.due)) },
          { title: t('programs.deadline'), dataIndex: 'deadline', width: 140, render: (v: string | null) => fmtDateTime(v) },
          { title: t('preview.assignee'), key: 'who', width: 170, render: (_, s) => <Assignee step={s} /> },
          {
            title: t('programs.scriptOrTemplate'), key: 'script', width: 150,
            render: (_, s) => <Typography.Text code style={{ fontSize: 12 }}>{(s.kind === 'task' ? s.script : s.template) ?? '—'}</Typography.Text>,
          },
          { title: t('programs.escalation'), key: 'esc', render: (_, s) => escalationText(s.escalation as Parameters<typeof escalationText>[0], t) },
        ]}
      />
    </div>
  );
}

function Assignee({ step }: { step: PlannedStep }) {
  const { t } = useI18n();
  const role = codeLabel(t, `role.${step.role}`, step.role);
  const a = step.assignee;
  if (a.kind === 'automated') return <>{t('preview.automated')}</>;
  if (a.kind === 'assigned') return <>{a.staffName ?? a.staffId} · {role}</>;
  return <Typography.Text type="warning">{role} · {t('preview.unassigned', { reason: a.reason ?? '—' })}</Typography.Text>;
}

/** A step that waits for an event within the run: when it would start once the event happens. */
function waitingText(start: NonNullable<PlannedStep['start']>, t: T): string {
  const offset = durationText({ days: start.offset.days, hours: Math.floor(start.offset.minutes / 60), minutes: start.offset.minutes % 60 }, t);
  const text = t('programs.afterEvent', { offset, event: codeLabel(t, `stop.${start.after}`, start.after) });
  return start.atLocalTime ? `${text} @ ${start.atLocalTime}` : text;
}
