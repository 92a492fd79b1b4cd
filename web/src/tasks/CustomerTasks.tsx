import { Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadState } from '../components/LoadState';
import { LevelTag } from '../components/Tags';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';
import { taskReasonLabel } from './labels';
import { ScriptStages } from './ScriptStages';
import type { TaskDetail, TaskPage } from './types';

/** Customer 360's open tasks (anyone's, within the caller's scope), each linking to the task. */
export function CustomerTasks({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const loaded = useApi<TaskPage>(`/tasks?customerId=${encodeURIComponent(customerId)}&assigneeId=any&status=open&pageSize=20`);
  return (
    <LoadState loaded={loaded}>
      {(p) =>
        p.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noTasks')} />
        ) : (
          <List
            size="small"
            data-testid="customer-tasks"
            dataSource={p.items}
            renderItem={(task) => (
              <List.Item>
                <Space direction="vertical" size={0}>
                  <Space wrap size={4}>
                    <Link to={`/inbox/${encodeURIComponent(task.id)}`}>{taskReasonLabel(task, lang)}</Link>
                    <LevelTag level={task.level} />
                    {task.overdue && <Tag color="red">{t('inbox.overdue')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {task.assigneeName ?? '—'} · {t('inbox.due', { due: fmtDateTime(task.due) })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )
      }
    </LoadState>
  );
}

/**
 * The script that fits this customer now: the one filled in for their most urgent open task
 * (GET /api/v1/tasks/{id}). Without an open task there is no occasion to pick a script for.
 */
export function CustomerScripts({ customerId }: { customerId: string }) {
  const { t, lang } = useI18n();
  const tasks = useApi<TaskPage>(`/tasks?customerId=${encodeURIComponent(customerId)}&assigneeId=any&status=open&pageSize=1`);
  const first = tasks.data?.items[0];
  const detail = useApi<TaskDetail>(first ? `/tasks/${encodeURIComponent(first.id)}?lang=${lang}` : null);
  if (!first) return <LoadState loaded={tasks}>{() => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.noTasks')} />}</LoadState>;
  return <LoadState loaded={detail}>{(d) => <ScriptStages stages={d.scripts.stages} />}</LoadState>;
}
