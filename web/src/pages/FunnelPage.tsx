import { Card, Col, DatePicker, Empty, List, Row, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { Chart } from '../components/Chart';
import { filterQuery, ListFilters, useFilters } from '../components/ListFilters';
import { LoadState } from '../components/LoadState';
import { LevelTag } from '../components/Tags';
import { fmtDateTime, fmtPct } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { Funnel } from '../server-types';
import { PageTitle } from '../Shell';
import { useApi } from '../use-api';

const STAGES = ['warned', 'tasked', 'contacted', 'booked', 'returned', 'recovered'] as const;
type Stage = (typeof STAGES)[number];
type Counts = Record<Stage, number>;
type Problem = Funnel['problems']['notFollowedUp'][number];
/** A store's row, or (with the advisor's fields) an advisor's. */
type GroupRow = Counts & { storeId: string; storeName: string; advisorId?: string | null; advisorName?: string | null };
const COLORS = ['#fa8c16', '#ffc53d', '#91caff', '#4096ff', '#73d13d', '#389e0d'];

/**
 * The retention funnel (留存工作效果): warnings opened in a period and how far the work took
 * them — task opened, contacted, booked, back in the store, recovered — with each step's rate,
 * per store and advisor, and the open problems (not followed up, failed, overdue).
 */
export default function FunnelPage() {
  const { t } = useI18n();
  const { filters } = useFilters();
  // The period lives in the address like the filters (shareable); this month by default.
  const [params, setParams] = useSearchParams();
  // An unset end of the period is left to the server: "this month" and "today" are the store's
  // (Asia/Shanghai) days, not the browser's, which differ for eight hours of every day.
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const setRange = ([from, to]: [Dayjs, Dayjs]) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('from', from.format('YYYY-MM-DD'));
      next.set('to', to.format('YYYY-MM-DD'));
      return next;
    });
  const loaded = useApi<Funnel>(`/funnel${filterQuery({ storeId: filters.storeId, advisorId: filters.advisorId }, { from, to })}`);
  const range: [Dayjs, Dayjs] = [dayjs(from ?? loaded.data?.from), dayjs(to ?? loaded.data?.to)];
  const label = (s: Stage) => t(`funnel.${s}` as MessageKey);
  return (
    <>
      <PageTitle
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            aria-label={t('funnel.period')}
            data-testid="funnel-period"
            style={{ maxWidth: 280 }}
          />
        }
      >
        {t('funnel.title')}
      </PageTitle>
      <ListFilters peopleOnly />
      <LoadState loaded={loaded}>
        {(f) => (
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small">
                <Chart
                  testId="funnel-chart"
                  height={300}
                  option={{
                    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
                    series: [{
                      type: 'funnel', sort: 'none', left: '5%', width: '90%', top: 8, bottom: 8, minSize: '8%', gap: 2,
                      label: { show: true, position: 'inside', formatter: '{b} {c}' },
                      data: STAGES.map((s, i) => ({ name: label(s), value: f.total[s], itemStyle: { color: COLORS[i] } })),
                    }],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Table
                data-testid="funnel-table"
                size="small"
                pagination={false}
                rowKey="stage"
                dataSource={STAGES.map((s, i) => ({ stage: s, n: f.total[s], prev: i === 0 ? null : f.total[STAGES[i - 1]!] }))}
                columns={[
                  { title: '', dataIndex: 'stage', render: (s: Stage) => label(s) },
                  { title: '#', dataIndex: 'n', render: (n: number, r) => <span data-testid={`funnel-${r.stage}`}>{n}</span> },
                  { title: t('funnel.rate'), key: 'rate', render: (_, r) => (r.prev === null ? '—' : fmtPct(r.n, r.prev)) },
                  { title: t('funnel.ofWarned'), key: 'of', render: (_, r) => fmtPct(r.n, f.total.warned) },
                ]}
              />
            </Col>
            <Col xs={24}>
              <Card size="small">
                <Tabs
                  size="small"
                  items={(['advisor', 'store'] as const).map((g) => ({
                    key: g,
                    label: t('funnel.byGroup', { group: t(`funnel.group.${g}`) }),
                    children: (
                      <Table<GroupRow>
                        size="small"
                        pagination={false}
                        scroll={{ x: 640 }}
                        rowKey={(r) => `${r.storeId}/${r.advisorId ?? ''}`}
                        dataSource={g === 'store' ? f.stores : f.advisors}
                        columns={[
                          { title: t('funnel.name'), key: 'name', fixed: 'left', render: (_, r) => (g === 'advisor' ? (r.advisorName ?? '—') : r.storeName) },
                          ...STAGES.map((s) => ({ title: label(s), dataIndex: s })),
                          { title: t('funnel.recovered') + ' %', key: 'rate', render: (_: unknown, r: GroupRow) => fmtPct(r.recovered, r.warned) },
                        ]}
                      />
                    ),
                  }))}
                />
              </Card>
            </Col>
            {(['notFollowedUp', 'followUpFailed', 'needsEscalation'] as const).map((k) => (
              <Col xs={24} md={8} key={k}>
                <Card size="small" title={`${t(`funnel.problem.${k}`)} (${f.problems[k].length})`} data-testid={`problem-${k}`}>
                  {f.problems[k].length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  ) : (
                    <List
                      size="small"
                      dataSource={f.problems[k]}
                      renderItem={(p) => (
                        <List.Item>
                          <Link to={`/customers/${encodeURIComponent(p.customerId)}`}>{p.name}</Link> <LevelTag level={p.level || null} />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.advisorName ?? ''} {fmtDateTime(p.at)}</Typography.Text>
                        </List.Item>
                      )}
                    />
                  )}
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </LoadState>
    </>
  );
}
