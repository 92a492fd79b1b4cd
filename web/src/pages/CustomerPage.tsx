import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError, query } from '../api';
import { Chart, levelColor } from '../components/Chart';
import { LoadState } from '../components/LoadState';
import { CodeLabel, HealthTag, LevelTag } from '../components/Tags';
import { fmtDate, fmtDateTime, fmtMoney } from '../format';
import { useI18n, type Lang } from '../i18n';
import { channelName, eventName, signalName } from '../i18n/vocabulary';
import { useMe } from '../session';
import { PageTitle } from '../Shell';
import { PredictionCard } from '../customer/PredictionCard';
import { CareCard } from '../customer/CareCard';
import { NotesCard } from '../customer/NotesCard';
import type { CareResult } from '../server-types';
import { CustomerScripts } from '../tasks/CustomerScripts';
import { CustomerTasks } from '../tasks/CustomerTasks';
import { useApi } from '../use-api';

interface CustomerDetail {
  customer: {
    id: string; name: string; phone: string | null; wechat?: string | null; email?: string | null; advisorId?: string | null;
    since: string; hasApp: boolean; birthday?: string | null; consent: Record<string, boolean>;
  };
  storeId: string;
  vehicles: { vin: string; model?: string | null; deliveredAt: string; warrantyEnd?: string | null }[];
  latestEvaluation: { asOf: string; level: string; riskScore: number; healthScore: number } | null;
  warning: { level: string; openedAt: string; reasons: string[] } | null;
}

interface Evaluation {
  asOf: string;
  customers: {
    level: string; reasons: string[]; valueTier: string; lifecycle: string;
    risk: { score: number; tier: string }; health: { score: number; tier: string };
    signals: { id: string; severity: number; detail: string }[]; rules: { id: string; level: string; detail: string }[];
    features: Record<string, number | string | boolean | null>;
    care?: CareResult;
  }[];
}

type Event = Record<string, unknown> & { id: string; type: string; at: string };

export default function CustomerPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const path = `/customers/${encodeURIComponent(id)}`;
  const detail = useApi<CustomerDetail>(path);
  const evaluation = useApi<Evaluation>(`${path}/evaluation${query({ lang })}`);
  const history = useApi<{ items: { asOf: string; level: string; riskScore: number; healthScore: number }[] }>(`${path}/evaluations`);
  const events = useApi<{ items: Event[] }>(`${path}/events?limit=60`);

  return (
    <LoadState loaded={detail}>
      {(d) => (
        <>
          <PageTitle extra={<Space><LevelTag level={d.latestEvaluation?.level} /></Space>}>{d.customer.name}</PageTitle>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Profile detail={d} />
                <Card size="small" title={t('customer.explanation')} data-testid="explanation">
                  <LoadState loaded={evaluation}>{(e) => <Explanation record={e} />}</LoadState>
                </Card>
                <PredictionCard customerId={d.customer.id} />
                {evaluation.data && <CareCard care={evaluation.data.customers[0]?.care} />}
                <NotesCard customerId={d.customer.id} />
                <Card size="small" title={t('customer.tasks')}>
                  <CustomerTasks customerId={d.customer.id} />
                </Card>
                <Card size="small" title={t('customer.scripts')} data-testid="customer-scripts">
                  <CustomerScripts customerId={d.customer.id} />
                </Card>
              </Space>
            </Col>
            <Col xs={24} lg={14}>
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Card size="small" title={t('customer.history')}>
                  <LoadState loaded={history}>
                    {(h) => (
                      <Chart
                        testId="score-history"
                        height={240}
                        option={{
                          tooltip: { trigger: 'axis' },
                          legend: { bottom: 0 },
                          grid: { left: 40, right: 16, top: 16, bottom: 48 },
                          xAxis: { type: 'category', data: h.items.map((p) => p.asOf) },
                          yAxis: { type: 'value', min: 0, max: 100 },
                          series: [
                            {
                              name: t('col.risk'), type: 'line', data: h.items.map((p) => ({ value: p.riskScore, itemStyle: { color: levelColor[p.level] } })),
                              lineStyle: { color: '#8c8c8c' }, symbolSize: 9,
                            },
                            { name: t('col.health'), type: 'line', data: h.items.map((p) => p.healthScore), lineStyle: { color: levelColor.blue }, itemStyle: { color: levelColor.blue } },
                          ],
                        }}
                      />
                    )}
                  </LoadState>
                </Card>
                <Card size="small" title={t('customer.timeline')} data-testid="timeline">
                  <LoadState loaded={events}>
                    {(e) =>
                      e.items.length === 0 ? (
                        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                      ) : (
                        <Timeline
                          items={e.items.map((ev) => ({
                            key: ev.id,
                            color: eventColor(ev),
                            children: (
                              <>
                                <Typography.Text strong>{eventName(ev.type, lang)}</Typography.Text>{' '}
                                <Typography.Text type="secondary">{fmtDateTime(ev.at)}</Typography.Text>
                                <div>{eventDetail(ev, lang)}</div>
                              </>
                            ),
                          }))}
                        />
                      )
                    }
                  </LoadState>
                </Card>
              </Space>
            </Col>
          </Row>
        </>
      )}
    </LoadState>
  );
}

function Profile({ detail }: { detail: CustomerDetail }) {
  const { t } = useI18n();
  const c = detail.customer;
  const e = detail.latestEvaluation;
  const advisors = useApi<{ advisors: { id: string; name: string }[] }>('/filter-options');
  return (
    <Card size="small" title={t('customer.profile')}>
      <Descriptions size="small" column={1} styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('col.phone')}>
          <PhoneReveal customerId={c.id} masked={c.phone} advisorId={c.advisorId ?? null} />
        </Descriptions.Item>
        {e && (
          <Descriptions.Item label={t('col.health')}>
            <Space wrap>
              <span>{t('col.risk')} {e.riskScore}</span>
              <span>{t('col.health')} {e.healthScore}</span>
              <Typography.Text type="secondary">{t('customer.asOf', { date: e.asOf })}</Typography.Text>
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('filter.advisor')}>{c.advisorId ? (advisors.data?.advisors.find((a) => a.id === c.advisorId)?.name ?? c.advisorId) : t('unassigned')}</Descriptions.Item>
        <Descriptions.Item label={t('customer.since')}>{fmtDate(c.since)}</Descriptions.Item>
        {c.wechat && <Descriptions.Item label={t('customer.wechat')}>{c.wechat}</Descriptions.Item>}
        {c.birthday && <Descriptions.Item label={t('customer.birthday')}>{c.birthday}</Descriptions.Item>}
        <Descriptions.Item label={t('customer.app')}>{c.hasApp ? t('customer.yes') : t('customer.no')}</Descriptions.Item>
        <Descriptions.Item label={t('customer.consent')}>
          <Space size={4} wrap>
            {Object.entries(c.consent ?? {}).map(([channel, yes]) => (
              <ConsentTag key={channel} channel={channel} yes={yes} />
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="vin"
        pagination={false}
        title={() => t('customer.vehicles')}
        dataSource={detail.vehicles}
        scroll={{ x: 360 }}
        columns={[
          { title: 'VIN', dataIndex: 'vin', width: 170 },
          { title: t('customer.model'), dataIndex: 'model' },
          { title: t('customer.delivered'), dataIndex: 'deliveredAt' },
        ]}
      />
    </Card>
  );
}

function ConsentTag({ channel, yes }: { channel: string; yes: boolean }) {
  const { lang } = useI18n();
  return <Tag color={yes ? 'green' : 'default'}>{channelName(channel, lang)}{yes ? ' ✓' : ' ✗'}</Tag>;
}

/** The masked number; the customer's own advisor may reveal it (the server writes the audit log). */
function PhoneReveal({ customerId, masked, advisorId }: { customerId: string; masked: string | null; advisorId: string | null }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [phone, setPhone] = useState<string | null>(null);
  if (!masked) return <>—</>;
  if (phone) {
    return (
      <Space>
        <Typography.Text copyable data-testid="phone-full">{phone}</Typography.Text>
        <Button size="small" icon={<PhoneOutlined />} href={`tel:${phone}`}>{t('customer.call')}</Button>
      </Space>
    );
  }
  const reveal = async () => {
    try {
      setPhone((await api<{ phone: string | null }>(`/customers/${encodeURIComponent(customerId)}/reveal-phone`, { method: 'POST' })).phone);
      void message.info(t('customer.revealed'));
    } catch (err) {
      void message.error(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <Space>
      <span data-testid="phone-masked">{masked}</span>
      {advisorId === me.staff.id && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => void reveal()} data-testid="reveal-phone">
          {t('customer.reveal')}
        </Button>
      )}
    </Space>
  );
}

const FEATURES = ['R', 'overdueDays', 'visits365', 'spend365', 'lastNps', 'sat5', 'interactionsPerMonth', 'complaints365'];

function Explanation({ record }: { record: Evaluation }) {
  const { t, lang } = useI18n();
  const e = record.customers[0];
  if (!e) return <Empty />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <LevelTag level={e.level} />
        <HealthTag tier={e.health.tier} score={e.health.score} />
        <span>{t('col.risk')} {e.risk.score}</span>
        <Tag><CodeLabel prefix="value" code={e.valueTier} /></Tag>
        <Tag><CodeLabel prefix="lifecycle" code={e.lifecycle} /></Tag>
        <Typography.Text type="secondary">{t('customer.asOf', { date: record.asOf })}</Typography.Text>
      </Space>
      <List size="small" dataSource={e.reasons} renderItem={(r) => <List.Item data-testid="reason">{r}</List.Item>} />
      {e.signals.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('customer.signals')}: </Typography.Text>
          {e.signals.map((s) => <Tag key={s.id} color="volcano">{signalName(s.id, lang)}</Tag>)}
        </div>
      )}
      {e.rules.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('customer.rules')}: </Typography.Text>
          {e.rules.map((r) => <Tag key={r.id}>{t('settings.rule')} {r.id} · {r.detail}</Tag>)}
        </div>
      )}
      <Descriptions size="small" column={{ xs: 2, sm: 2, md: 3, xl: 4 }} title={t('customer.features')}>
        {FEATURES.map((f) => (
          <Descriptions.Item key={f} label={f}>{e.features[f] === null || e.features[f] === undefined ? '—' : String(e.features[f])}</Descriptions.Item>
        ))}
      </Descriptions>
    </Space>
  );
}

function eventColor(e: Event): string {
  if (e.type === 'visit') return 'green';
  if (e.type === 'complaint_opened' || (e.type === 'nps' && Number(e.score) <= 6) || e.type === 'appointment_cancelled') return 'red';
  if (e.type === 'call' || e.type === 'message') return 'blue';
  return 'gray';
}

function eventDetail(e: Event, lang: Lang): string {
  const en = lang === 'en';
  switch (e.type) {
    case 'visit':
      return [String(e.kind), fmtMoney(Number(e.amount)), Array.isArray(e.items) ? (e.items as string[]).join('、') : '', e.mileage ? `${String(e.mileage)} km` : '']
        .filter(Boolean).join(' · ');
    case 'nps':
    case 'satisfaction':
      return String(e.score);
    case 'call':
      return [e.direction === 'in' ? (en ? 'inbound' : '来电') : (en ? 'outbound' : '外呼'), e.answered ? (en ? 'answered' : '接通') : (en ? 'not answered' : '未接通'), e.outcome ? String(e.outcome) : '']
        .filter(Boolean).join(' · ');
    case 'message':
      return `${channelName(String(e.channel), lang)} · ${String(e.purpose)}`;
    case 'reply':
      return `${channelName(String(e.channel), lang)}${e.text ? ` · ${String(e.text)}` : ''}`;
    case 'wechat':
      return e.direction === 'in' ? (en ? 'from the customer' : '客户发来') : (en ? 'to the customer' : '发给客户');
    case 'complaint_opened':
    case 'complaint_closed':
      return e.topic ? String(e.topic) : '';
    case 'appointment_cancelled':
      return e.reason ? String(e.reason) : '';
    case 'recommendation':
      return `${String(e.item)} · ${e.accepted ? (en ? 'accepted' : '接受') : (en ? 'declined' : '拒绝')}`;
    case 'mileage':
      return `${String(e.km)} km`;
    case 'social_post':
      return String(e.sentiment);
    case 'abandoned':
      return String(e.reason ?? '');
    default:
      return '';
  }
}
