import { App, Button, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { LoadState } from '../components/LoadState';
import { CodeLabel } from '../components/Tags';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import type { StaffListItem } from '../server-types';
import { useMe } from '../session';
import { useApi } from '../use-api';

/** Staff in scope with their role and sign-in state; an admin sets a password (which lifts a lock-out). */
export function StaffTab() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const staff = useApi<{ items: StaffListItem[] }>('/staff');
  const [target, setTarget] = useState<StaffListItem | null>(null);
  const [password, setPassword] = useState('');
  const save = async () => {
    if (!target) return;
    try {
      await api(`/staff/${encodeURIComponent(target.id)}/password`, { method: 'PUT', body: { password } });
      void message.success(t('settings.passwordSet'));
      setTarget(null);
      setPassword('');
      staff.reload();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <LoadState loaded={staff}>
      {(s) => (
        <>
          <Table<StaffListItem>
            size="small"
            rowKey="id"
            dataSource={s.items}
            scroll={{ x: 640 }}
            pagination={{ pageSize: 20, size: 'small' }}
            data-testid="staff-table"
            columns={[
              { title: 'ID', dataIndex: 'id', width: 120 },
              { title: t('col.name'), dataIndex: 'name', width: 90 },
              { title: t('col.role'), dataIndex: 'role', width: 120, render: (r: string) => <CodeLabel prefix="role" code={r} /> },
              { title: t('col.store'), dataIndex: 'storeName', width: 150 },
              {
                title: t('settings.hasPassword'), key: 'pw', width: 160,
                render: (_, r) => (r.lockedUntil ? <Tag color="red">{t('settings.locked', { time: fmtDateTime(r.lockedUntil) })}</Tag> : r.hasPassword ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
              },
              ...(me.staff.role === 'admin'
                ? [{ title: '', key: 'set', width: 110, render: (_: unknown, r: StaffListItem) => <Button size="small" onClick={() => setTarget(r)}>{t('settings.setPassword')}</Button> }]
                : []),
            ]}
          />
          <Modal open={target !== null} title={`${t('settings.setPassword')} · ${target?.name ?? ''}`} onOk={() => void save()} onCancel={() => setTarget(null)} okText={t('ok')} cancelText={t('cancel')}>
            <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} placeholder={t('settings.newPassword')} autoComplete="new-password" />
          </Modal>
        </>
      )}
    </LoadState>
  );
}
