import { App, Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { StaffListItem } from '../server-types';
import { useApi } from '../use-api';
import type { TaskItem } from './types';

/**
 * A manager gives an open task to another staff member of the customer's store (the API refuses
 * anyone outside the manager's scope or the store's region, and anyone but managers).
 */
export function ReassignTask({ task, onDone }: { task: TaskItem; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const staff = useApi<{ items: StaffListItem[] }>('/staff');
  const [staffId, setStaffId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const choices = (staff.data?.items ?? []).filter((s) => s.storeId === task.storeId && s.id !== task.assigneeId && s.role !== 'admin');
  const reassign = async () => {
    if (!staffId) return;
    setBusy(true);
    try {
      const r = await api<{ task: TaskItem }>(`/tasks/${encodeURIComponent(task.id)}/reassign`, { method: 'POST', body: { staffId } });
      void message.success(t('task.reassigned', { name: r.task.assigneeName ?? staffId }));
      setStaffId(undefined);
      onDone();
    } catch (err) {
      void message.error(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('task.reassign')} data-testid="reassign">
      <Space.Compact style={{ width: '100%' }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={staff.loading}
          value={staffId}
          onChange={setStaffId}
          placeholder={t('task.reassignTo')}
          style={{ flex: 1, minWidth: 0 }}
          options={choices.map((s) => ({ value: s.id, label: `${s.name} · ${t(`role.${s.role}` as MessageKey)}` }))}
          data-testid="reassign-to"
        />
        <Button type="primary" onClick={() => void reassign()} disabled={!staffId} loading={busy} data-testid="reassign-submit">
          {t('task.reassign')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
