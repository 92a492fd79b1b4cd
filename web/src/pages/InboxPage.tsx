import { Badge, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadState } from '../components/LoadState';
import { LevelTag } from '../components/Tags';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import { isManager, useMe } from '../session';
import { PageTitle } from '../Shell';
import { taskReasonLabel } from '../tasks/labels';
import type { TaskItem, TaskPage } from '../tasks/types';
import { useApi } from '../use-api';

const PAGE = 50;
const CATEGORIES = ['all', 'warning', 'care', 'follow_up'] as const;
type Category = (typeof CATEGORIES)[number];

/**
 * The task inbox (我的任务): my open tasks, overdue first then by deadline (the API's order), as
 * cards that fit a 390 px phone; a tap opens the task with its filled-in script and outcomes.
 * A manager switches to the team's tasks (`?who=team`): everyone's in their scope, which the API
 * bounds by role (a store for its managers, a region for a general manager). Care tasks are kept
 * apart from warning work by the category switch (`?category=care`).
 */
export default function InboxPage() {
  const { t } = useI18n();
  const manager = isManager(useMe().staff.role);
  const [params, setParams] = useSearchParams();
  const team = manager && params.get('who') === 'team';
  const category: Category = CATEGORIES.find((c) => c === params.get('category')) ?? 'all';
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [page, setPage] = useState(1);
  const setParam = (key: 'who' | 'category', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next);
    setPage(1);
  };
  const categoryQuery = category === 'all' ? '' : `&category=${category}`;
  const loaded = useApi<TaskPage>(`/tasks?assigneeId=${team ? 'any' : 'me'}&status=${status}${categoryQuery}&page=${page}&pageSize=${PAGE}`);
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {manager && (
              <Segmented
                value={team ? 'team' : 'mine'}
                onChange={(v) => setParam('who', v === 'team' ? 'team' : null)}
                options={[{ value: 'mine', label: t('inbox.mine') }, { value: 'team', label: t('inbox.team') }]}
                data-testid="inbox-who"
              />
            )}
            <Segmented
              value={category}
              onChange={(v) => setParam('category', v === 'all' ? null : String(v))}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`inbox.category.${c}`) }))}
              data-testid="inbox-category"
            />
            <Segmented
              value={status}
              onChange={(v) => {
                setStatus(v as 'open' | 'closed');
                setPage(1);
              }}
              options={[{ value: 'open', label: t('inbox.open') }, { value: 'closed', label: t('inbox.closed') }]}
              data-testid="inbox-status"
            />
          </Space>
        }
      >
        {t('inbox.title')}
      </PageTitle>
      <LoadState loaded={loaded}>
        {(p) => (
          <>
            <Typography.Paragraph type="secondary" data-testid="inbox-summary">
              {t('inbox.summary', { total: p.total, overdue: p.items.filter((i) => i.overdue).length })}
            </Typography.Paragraph>
            <List<TaskItem>
              data-testid="inbox-list"
              dataSource={p.items}
              locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
              pagination={p.total > PAGE ? { current: page, pageSize: PAGE, total: p.total, onChange: setPage, simple: true } : false}
              renderItem={(task) => <TaskCard task={task} showAssignee={team} back={params.size > 0 ? `/inbox?${params.toString()}` : null} />}
            />
          </>
        )}
      </LoadState>
    </>
  );
}

function TaskCard({ task, showAssignee, back }: { task: TaskItem; showAssignee: boolean; back: string | null }) {
  const { t, lang } = useI18n();
  return (
    <List.Item style={{ padding: '4px 0', border: 'none' }}>
      <Link to={`/inbox/${encodeURIComponent(task.id)}`} state={back ? { back } : undefined} style={{ width: '100%' }} data-testid="task-card" data-task-id={task.id}>
        <Card size="small" hoverable style={{ borderLeft: task.overdue ? '4px solid #f5222d' : undefined }}>
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap size={6}>
              <Typography.Text strong>{task.customerName}</Typography.Text>
              {task.category === 'care' ? <Tag color="cyan" data-testid="care-tag">{t('inbox.category.care')}</Tag> : <LevelTag level={task.level} />}
              {task.overdue && <Tag color="red" data-testid="overdue">{t('inbox.overdue')}</Tag>}
              {task.attempts > 0 && <Badge count={t('inbox.attempts', { n: task.attempts })} color="#8c8c8c" />}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {taskReasonLabel(task, lang)} · {task.phoneMasked ?? '—'}
            </Typography.Text>
            {showAssignee && (
              <Typography.Text style={{ fontSize: 13 }} data-testid="task-card-assignee">
                {t('inbox.assignee', { name: task.assigneeName ?? t('unassigned') })}
              </Typography.Text>
            )}
            <Typography.Text style={{ fontSize: 13 }} type={task.overdue ? 'danger' : undefined}>
              {task.status === 'open' ? t('inbox.due', { due: fmtDateTime(task.due) }) : t('inbox.outcome', { outcome: outcomeLabel(task.outcome, t) })}
            </Typography.Text>
          </Space>
        </Card>
      </Link>
    </List.Item>
  );
}

function outcomeLabel(outcome: string | null, t: ReturnType<typeof useI18n>['t']): string {
  return outcome ? t(`outcome.${outcome}` as Parameters<typeof t>[0]) : '—';
}
