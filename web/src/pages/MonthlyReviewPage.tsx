import { Card, Col, DatePicker, Row, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CareReview, type CareReviewData } from '../components/CareReview';
import { Chart } from '../components/Chart';
import { LoadState } from '../components/LoadState';
import { LevelTag } from '../components/Tags';
import { fmtDate, fmtMoney, fmtNumber } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { isManager, useMe } from '../session';
import type { StaffIncentive } from '../server-types';
import { PageTitle } from '../Shell';
import { useApi } from '../use-api';

interface LevelCounts { yellow: number; orange: number; red: number; total: number }
interface Review {
  month: string;
  warnings: { opened: LevelCounts; closed: number; openAtStart: number; openAtEnd: LevelCounts; recoveryRate: number | null };
  recovered: { customers: number; revenue: number; fromCampaigns: number; fromWarnings: number };
  lost: { customers: number; value: number };
  churnReasons: { reason: string; customers: number; share: number; value: number }[];
  bestCases: { customerId: string; name: string; staffName: string | null; level: string; at: string; revenue: number }[];
  failedCases: { customerId: string; name: string; value: number; churnReason: string; why: 'gave_up' | 'lost' }[];
  staff: StaffIncentive[];
  care: CareReviewData;
}

/**
 * The monthly review (月度复盘, programs.md §11) from GET /api/v1/reviews/monthly: warnings and the
 * recovery rate, losses, churn reasons, best and failed cases, the staff leaderboard, and proactive care. The review is
 * for managers; an advisor sees the leaderboard (GET /api/v1/incentives).
 */
export default function MonthlyReviewPage() {
  const { t } = useI18n();
  const me = useMe();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const m = month.format('YYYY-MM');
  const manager = isManager(me.staff.role);
  return (
    <>
      <PageTitle extra={<DatePicker picker="month" allowClear={false} value={month} onChange={(v) => v && setMonth(v)} aria-label={t('review.month')} data-testid="review-month" />}>
        {t('review.title')}
      </PageTitle>
      {manager ? <FullReview month={m} /> : <Leaderboard month={m} />}
    </>
  );
}

function Leaderboard({ month }: { month: string }) {
  const loaded = useApi<{ items: StaffIncentive[] }>(`/incentives?month=${month}`);
  return <LoadState loaded={loaded}>{(d) => <StaffTable rows={d.items} />}</LoadState>;
}

function StaffTable({ rows }: { rows: StaffIncentive[] }) {
  const { t } = useI18n();
  return (
    <Table<StaffIncentive>
      data-testid="review-staff"
      size="small"
      pagination={false}
      rowKey="staffId"
      dataSource={rows}
      columns={[
        { title: t('review.staffName'), key: 'name', render: (_, r) => <>{r.staffName} {r.topRecoverer && <Tag color="gold">{t('review.top')}</Tag>}</> },
        { title: t('review.recoveredBy'), key: 'by', render: (_, r) => `${r.recovered.yellow} / ${r.recovered.orange} / ${r.recovered.red}` },
        { title: t('review.recovered'), dataIndex: 'total' },
        { title: t('review.reward'), key: 'reward', render: (_, r) => fmtMoney(r.reward) },
      ]}
    />
  );
}

function FullReview({ month }: { month: string }) {
  const { t } = useI18n();
  const loaded = useApi<Review>(`/reviews/monthly?month=${month}`);
  const churn = (r: string) => t(`churn.${r}` as MessageKey);
  return (
    <LoadState loaded={loaded}>
      {(r) => (
        <Row gutter={[12, 12]}>
          {[
            [t('review.warnings'), fmtNumber(r.warnings.opened.total), 'review-warnings'],
            [t('review.recoveryRate'), r.warnings.recoveryRate === null ? '—' : `${(r.warnings.recoveryRate * 100).toFixed(1)}%`, 'review-rate'],
            [t('review.recovered'), fmtNumber(r.recovered.customers), 'review-recovered'],
            [t('review.recoveredRevenue'), fmtMoney(r.recovered.revenue), 'review-revenue'],
            [t('review.lost'), fmtNumber(r.lost.customers), 'review-lost'],
            [t('review.lostValue'), fmtMoney(r.lost.value), 'review-lost-value'],
          ].map(([title, value, id]) => (
            <Col xs={12} md={8} xl={4} key={id}>
              <Card size="small" data-testid={id}><Statistic title={title} value={value} /></Card>
            </Col>
          ))}
          <Col xs={24} lg={10}>
            <Card size="small" title={t('review.churnReasons')}>
              <Chart
                testId="review-churn"
                height={240}
                option={{
                  tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
                  legend: { bottom: 0 },
                  series: [{ type: 'pie', radius: ['35%', '65%'], top: 0, bottom: 32, data: r.churnReasons.map((c) => ({ name: churn(c.reason), value: c.customers })) }],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('review.staff')}><StaffTable rows={r.staff} /></Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('review.bestCases')}>
              <Table
                size="small" pagination={false} rowKey="customerId" dataSource={r.bestCases} scroll={{ x: 420 }}
                columns={[
                  { title: t('review.customer'), key: 'c', render: (_, c) => <Link to={`/customers/${encodeURIComponent(c.customerId)}`}>{c.name}</Link> },
                  { title: t('review.level'), key: 'l', render: (_, c) => <LevelTag level={c.level} /> },
                  { title: t('review.staffName'), key: 's', render: (_, c) => c.staffName ?? '—' },
                  { title: t('review.revenue'), key: 'r', render: (_, c) => fmtMoney(c.revenue) },
                  { title: '', key: 'at', render: (_, c) => fmtDate(c.at) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('review.failedCases')}>
              <Table
                size="small" pagination={false} rowKey="customerId" dataSource={r.failedCases} scroll={{ x: 420 }}
                columns={[
                  { title: t('review.customer'), key: 'c', render: (_, c) => <Link to={`/customers/${encodeURIComponent(c.customerId)}`}>{c.name}</Link> },
                  { title: t('review.value'), key: 'v', render: (_, c) => fmtMoney(c.value) },
                  { title: t('review.churnReason'), key: 'cr', render: (_, c) => churn(c.churnReason) },
                  { title: t('review.why'), key: 'w', render: (_, c) => t(`review.why.${c.why}`) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24}><CareReview care={r.care} /></Col>
        </Row>
      )}
    </LoadState>
  );
}
