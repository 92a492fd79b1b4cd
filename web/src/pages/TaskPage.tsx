import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, Descriptions, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, query } from '../api';
import { LoadState } from '../components/LoadState';
import { CodeLabel, LevelTag } from '../components/Tags';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { changedTopics, CurrentNotes, draftOf, NoteFields, type NotesView } from '../customer/notes';
import { PageTitle } from '../Shell';
import { taskReasonLabel } from '../tasks/labels';
import { ScriptExtras } from '../tasks/ScriptExtras';
import { ScriptStages } from '../tasks/ScriptStages';
import { ReassignTask } from '../tasks/ReassignTask';
import { CHURN_REASONS, RESULTS, type Result, type TaskDetail } from '../tasks/types';
import { isManager, useMe } from '../session';
import { useApi } from '../use-api';

const resultStyle: Record<Result, { type?: 'primary'; danger?: boolean }> = {
  reached: {}, booked: { type: 'primary' }, no_answer: {}, refused: { danger: true }, wrong_number: { danger: true },
};

/**
 * One task (我的任务 → a task): the customer, why, the script filled in for them, and the
 * outcome in one tap. A refusal needs its reason (the API refuses one without), so that button
 * asks for the note first; the churn reason, the note and changed personal notes ride along with any
 * outcome. The customer's current notes sit beside the script, so the call continues the last one.
 */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const loaded = useApi<TaskDetail>(`/tasks/${encodeURIComponent(id)}${query({ lang })}`);
  const navigate = useNavigate();
  const manager = isManager(useMe().staff.role);
  // Back to the list the task was opened from (a manager's team view keeps its `?who=team`).
  const back = (useLocation().state as { back?: string } | null)?.back ?? '/inbox';
  return (
    <>
      <PageTitle extra={<Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)} data-testid="back-to-inbox">{t('task.back')}</Button>}>
        {t('task.title')}
      </PageTitle>
      <LoadState loaded={loaded}>
        {(d) => (
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={9}>
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Card size="small" title={<Space wrap><span data-testid="task-customer">{d.customer.name}</span><LevelTag level={d.task.level ?? d.customer.level} /></Space>}>
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={t('task.for')}>{taskReasonLabel(d.task, lang)}</Descriptions.Item>
                    <Descriptions.Item label={t('task.phone')}>{d.customer.phoneMasked ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('task.due')}>
                      <Typography.Text type={d.task.overdue ? 'danger' : undefined}>{fmtDateTime(d.task.due)}</Typography.Text>
                      {d.task.overdue && <Tag color="red" style={{ marginLeft: 6 }}>{t('inbox.overdue')}</Tag>}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('task.valueTier')}><CodeLabel prefix="value" code={d.customer.valueTier} /></Descriptions.Item>
                    <Descriptions.Item label={t('task.daysSinceVisit')}>{d.customer.daysSinceVisit ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('task.attempts')}>{d.task.attempts}</Descriptions.Item>
                    <Descriptions.Item label={t('task.assignee')}><span data-testid="task-assignee">{d.task.assigneeName ?? t('unassigned')}</span></Descriptions.Item>
                  </Descriptions>
                  {(d.warning?.reasons ?? d.task.reasons).length > 0 && (
                    <ul style={{ paddingLeft: 18, margin: '8px 0 0' }} data-testid="task-reasons">
                      {(d.warning?.reasons ?? d.task.reasons).map((r) => <li key={r}>{r}</li>)}
                    </ul>
                  )}
                </Card>
                {d.task.status === 'open'
                  ? <OutcomeForm taskId={d.task.id} notes={d.notes} onDone={() => navigate(back)} />
                  : <Alert type="success" showIcon title={t('task.recorded', { outcome: t(`outcome.${d.task.outcome ?? 'reached'}` as MessageKey) })} data-testid="task-closed" />}
                {manager && d.task.status === 'open' && <ReassignTask task={d.task} onDone={loaded.reload} />}
              </Space>
            </Col>
            <Col xs={24} lg={15}>
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Card size="small" title={t('notes.title')} data-testid="task-notes"><CurrentNotes view={d.notes} /></Card>
                <Card size="small" title={t('task.script')} data-testid="task-script">
                  <ScriptStages stages={d.scripts.stages} />
                </Card>
                <ScriptExtras scripts={d.scripts} />
              </Space>
            </Col>
          </Row>
        )}
      </LoadState>
    </>
  );
}

function OutcomeForm({ taskId, notes, onDone }: { taskId: string; notes: NotesView; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const start = useMemo(() => draftOf(notes), [notes]);
  const [draft, setDraft] = useState(start);
  const [churnReason, setChurnReason] = useState<string | undefined>();
  const [busy, setBusy] = useState<Result | null>(null);
  const [needReason, setNeedReason] = useState(false);

  async function record(result: Result) {
    const reason = note.trim();
    if (result === 'refused' && !reason) {
      setNeedReason(true);
      return;
    }
    setBusy(result);
    const changed = changedTopics(start, draft);
    try {
      const r = await api<{ status: 'closed' | 'attempt'; attempts: number }>(`/tasks/${encodeURIComponent(taskId)}/outcome`, {
        method: 'POST',
        body: { result, ...(reason ? { reason } : {}), ...(churnReason ? { churnReason } : {}), ...(Object.keys(changed).length > 0 ? { notes: changed } : {}) },
      });
      void message.success(r.status === 'closed' ? t('task.saved', { outcome: t(`outcome.${result}`) }) : t('task.attempt', { n: r.attempts }));
      onDone();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
      setBusy(null);
    }
  }

  return (
    <Card size="small" title={t('task.outcome')} data-testid="outcome-form">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 8 }}>
          {RESULTS.map((r) => (
            <Button key={r} size="large" block {...resultStyle[r]} loading={busy === r} disabled={busy !== null && busy !== r} onClick={() => void record(r)} data-testid={`outcome-${r}`}>
              {t(`outcome.${r}`)}
            </Button>
          ))}
        </div>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('task.churnReason')}
          value={churnReason}
          onChange={setChurnReason}
          options={CHURN_REASONS.map((c) => ({ value: c, label: t(`churn.${c}`) }))}
          data-testid="churn-reason"
        />
        <Input.TextArea
          rows={2}
          value={note}
          status={needReason && !note.trim() ? 'error' : undefined}
          placeholder={t('task.note')}
          onChange={(e) => setNote(e.target.value)}
          data-testid="outcome-note"
        />
        {needReason && !note.trim() && <Typography.Text type="danger">{t('task.refusedNeedsReason')}</Typography.Text>}
        <Collapse
          size="small"
          data-testid="outcome-notes"
          items={[{ key: 'notes', label: t('notes.edit'), children: <NoteFields draft={draft} onChange={setDraft} testIdPrefix="task-note" /> }]}
        />
      </Space>
    </Card>
  );
}
