import { Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { LoadState } from '../components/LoadState';
import { LevelTag } from '../components/Tags';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';
import { taskReasonLabel } from './labels';
import type { TaskPage } from './types';

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
