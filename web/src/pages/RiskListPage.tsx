import { Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ExportButtons } from '../components/ExportButtons';
import { KeyReason } from '../components/KeyReason';
import { filterQuery, ListFilters, useFilters } from '../components/ListFilters';
import { LoadState } from '../components/LoadState';
import { CodeLabel, HealthTag, LevelTag } from '../components/Tags';
import { fmtDateTime, fmtMoney, fmtProbability } from '../format';
import { useI18n } from '../i18n';
import { PageTitle } from '../Shell';
import type { RiskListItem } from '../server-types';
import { useApi } from '../use-api';


export function Deadline({ iso }: { iso: string | null | undefined }) {
  const { t } = useI18n();
  if (!iso) return <>—</>;
  const overdue = dayjs(iso).isBefore(dayjs());
  return <Typography.Text type={overdue ? 'danger' : undefined}>{overdue ? `${t('overdue')} · ` : ''}{fmtDateTime(iso)}</Typography.Text>;
}

export default function RiskListPage() {
  const { t } = useI18n();
  const { filters, page, pageSize, setPage } = useFilters();
  // Most urgent first by default; the churn column's sorter asks the server for the highest probability first.
  const [byChurn, setByChurn] = useState(false);
  const [minChurn, setMinChurn] = useState<number | undefined>();
  const extra = { sort: byChurn ? 'churn' : undefined, minChurn };
  const loaded = useApi<{ items: RiskListItem[]; total: number }>(`/risk-list${filterQuery(filters, { page, pageSize, ...extra })}`);
  const columns: ColumnsType<RiskListItem> = [
    { title: t('col.customer'), key: 'name', fixed: 'left', width: 110, render: (_, r) => <Link to={`/customers/${encodeURIComponent(r.customerId)}`}>{r.name}</Link> },
    { title: t('col.phone'), dataIndex: 'phoneMasked', width: 120 },
    { title: t('col.level'), dataIndex: 'level', width: 80, render: (l: string) => <LevelTag level={l} /> },
    { title: t('col.health'), key: 'health', width: 110, render: (_, r) => <HealthTag tier={r.healthTier} score={r.healthScore} /> },
    { title: t('col.risk'), dataIndex: 'riskScore', width: 70 },
    { title: t('col.daysSinceVisit'), dataIndex: 'daysSinceVisit', width: 90 },
    { title: t('col.lastSatisfaction'), key: 'sat', width: 100, render: (_, r) => [r.lastSatisfaction ?? null, r.lastNps !== null ? `NPS ${r.lastNps}` : null].filter((x) => x !== null).join(' · ') || '—' },
    {
      title: t('col.churn'), key: 'churn', width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          <span data-testid="churn-probability">{fmtProbability(r.churnProbability)}</span>
          {r.networkModel && r.churnProbability !== null && <Tag data-testid="network-model">{t('model.network')}</Tag>}
          {r.disagreement && (
            <Tooltip title={t('disagree.hint')}><Tag color="purple" data-testid="disagreement">{t(`disagree.${r.disagreement}`)}</Tag></Tooltip>
          )}
        </Space>
      ),
      sorter: true, sortDirections: ['descend'], sortOrder: byChurn ? 'descend' : null,
    },
    { title: t('col.pAlive'), key: 'pAlive', width: 90, render: (_, r) => <span data-testid="p-alive">{fmtProbability(r.pAlive)}</span> },
    { title: t('col.clv'), key: 'clv', width: 100, render: (_, r) => fmtMoney(r.clv) },
    { title: t('col.action'), key: 'action', width: 180, render: (_, r) => <CodeLabel prefix="action" code={r.requiredAction?.action} /> },
    { title: t('col.deadline'), key: 'deadline', width: 150, render: (_, r) => <Deadline iso={r.requiredAction?.deadline} /> },
    { title: t('col.owner'), dataIndex: 'advisorName', width: 90, render: (n: string | null) => n ?? t('unassigned') },
    { title: t('col.reason'), key: 'reason', width: 260, render: (_, r) => <KeyReason facts={r} /> },
    { title: t('col.valueTier'), dataIndex: 'valueTier', width: 90, render: (v: string | null) => <CodeLabel prefix="value" code={v} /> },
    { title: t('col.lifecycle'), dataIndex: 'lifecycle', width: 100, render: (v: string | null) => <CodeLabel prefix="lifecycle" code={v} /> },
    { title: t('col.store'), dataIndex: 'storeName', width: 150 },
  ];
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Select<number | 'any'>
              style={{ width: 150 }}
              value={minChurn ?? 'any'}
              onChange={(v) => { setMinChurn(v === 'any' ? undefined : v); setPage(1, pageSize); }}
              options={[{ value: 'any', label: `${t('risk.minChurn')} ${t('risk.minChurnAny')}` }, ...[0.5, 0.7, 0.85].map((v) => ({ value: v, label: `${t('risk.minChurn')} ${v * 100}%` }))]}
              data-testid="min-churn"
            />
            <ExportButtons path="/risk-list/export" filters={filters} />
          </Space>
        }
      >
        {t('nav.risk')}
      </PageTitle>
      <ListFilters />
      <LoadState loaded={loaded}>
        {(data) => (
          <Table<RiskListItem>
            data-testid="risk-table"
            rowKey="customerId"
            size="small"
            columns={columns}
            dataSource={data.items}
            loading={loaded.loading}
            onChange={(_p, _f, sorter, extra) => {
              if (extra.action !== 'sort') return;
              const one = Array.isArray(sorter) ? sorter[0] : sorter;
              setByChurn(one?.columnKey === 'churn' && one.order === 'descend');
            }}
            scroll={{ x: 1940 }}
            pagination={{
              current: page, pageSize, total: data.total, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
              showTotal: (n) => t('total', { n }), onChange: setPage, size: 'small',
            }}
          />
        )}
      </LoadState>
    </>
  );
}
