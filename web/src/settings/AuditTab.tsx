import { Table } from 'antd';
import { useState } from 'react';
import { query } from '../api';
import { LoadState } from '../components/LoadState';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import type { PhoneReveal } from '../server-types';
import { useApi } from '../use-api';

/** The audit log of revealed phone numbers (admins), newest first. */
export function AuditTab() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const log = useApi<{ items: PhoneReveal[]; total: number }>(`/audit/phone-reveals${query({ page, pageSize: 20 })}`);
  return (
    <LoadState loaded={log}>
      {(l) => (
        <Table<PhoneReveal>
          size="small"
          rowKey="id"
          data-testid="audit-table"
          dataSource={l.items}
          scroll={{ x: 640 }}
          pagination={{ current: page, pageSize: 20, total: l.total, onChange: setPage, size: 'small' }}
          columns={[
            { title: t('settings.revealAt'), dataIndex: 'at', width: 150, render: (v: string) => fmtDateTime(v) },
            { title: t('settings.revealBy'), key: 'by', width: 150, render: (_, r) => `${r.staffName ?? ''} (${r.staffId})` },
            { title: t('settings.revealCustomer'), key: 'c', width: 150, render: (_, r) => `${r.customerName ?? ''} (${r.customerId})` },
            { title: t('settings.revealClient'), dataIndex: 'clientIp', width: 120 },
          ]}
        />
      )}
    </LoadState>
  );
}
