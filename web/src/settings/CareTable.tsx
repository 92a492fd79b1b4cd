import { Card, Descriptions, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { Policy } from '../server-types';

type Care = Policy['care'];
type Tier = keyof Care['tiers'];
type Moments = Care['moments'];
const TIERS: Tier[] = ['high', 'mid', 'basic'];
const MOMENT_DAYS: (keyof Moments)[] = ['anniversaryLeadDays', 'holidayLeadDays', 'milestoneRecentDays', 'firstServiceLeadDays', 'warrantyNoticeDays', 'softwareUpdateDays'];

/**
 * The care section of a draft policy (programs.md §13) as a form: each tier's promise edited in
 * place, the moments' windows as numbers. Saved like the rest of the policy (preview first, a new
 * version); the holiday calendar's dates are edited in the policy JSON, where a lunar holiday's
 * dated list is easier to keep than in a form.
 */
export function CareTable({ care, onChange }: { care: Care; onChange: (change: (care: Care) => void) => void }) {
  const { t } = useI18n();
  const tierRows = TIERS.map((tier) => ({ tier, ...care.tiers[tier] }));
  const setTier = <K extends keyof Care['tiers'][Tier]>(tier: Tier, key: K, value: Care['tiers'][Tier][K]) =>
    onChange((c) => { c.tiers[tier][key] = value; });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small" rowKey="tier" pagination={false} scroll={{ x: 720 }} dataSource={tierRows} data-testid="care-tiers"
        columns={[
          { title: t('col.valueTier'), dataIndex: 'tier', width: 90, render: (tier: Tier) => t(`value.${tier}` as MessageKey) },
          {
            title: t('care.intervalDays'), dataIndex: 'intervalDays', width: 170,
            render: (v: number | null, r) => (
              <InputNumber
                size="small" value={v} placeholder={t('care.noInterval')} data-testid={`care-interval-${r.tier}`}
                // Left as typed (0, a fraction): the server's check names the field, so the form never hides a bad value.
                onChange={(n) => setTier(r.tier, 'intervalDays', n === null ? null : Number(n))}
              />
            ),
          },
          {
            title: t('care.holidays'), dataIndex: 'holidays', width: 130,
            render: (v: Care['tiers'][Tier]['holidays'], r) => (
              <Select size="small" value={v} style={{ width: 110 }} onChange={(x) => setTier(r.tier, 'holidays', x)}
                options={(['all', 'major', 'none'] as const).map((x) => ({ value: x, label: t(`care.holidays.${x}` as MessageKey) }))} />
            ),
          },
          { title: t('care.birthday'), dataIndex: 'birthday', width: 80, render: (v: boolean, r) => <Switch size="small" checked={v} onChange={(x) => setTier(r.tier, 'birthday', x)} /> },
          { title: t('care.priorityBooking'), dataIndex: 'priorityBooking', width: 90, render: (v: boolean, r) => <Switch size="small" checked={v} onChange={(x) => setTier(r.tier, 'priorityBooking', x)} /> },
          {
            title: t('care.advisor'), dataIndex: 'advisor', width: 140,
            render: (v: Care['tiers'][Tier]['advisor'], r) => (
              <Select size="small" value={v} style={{ width: 120 }} onChange={(x) => setTier(r.tier, 'advisor', x)}
                options={(['named', 'fixed', 'team'] as const).map((x) => ({ value: x, label: t(`care.advisor.${x}` as MessageKey) }))} />
            ),
          },
        ]}
      />
      <Card size="small" title={t('care.moments')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('care.overdueAfterDays')}>
            <InputNumber size="small" value={care.overdueAfterDays} data-testid="care-overdueAfterDays" onChange={(n) => onChange((c) => { c.overdueAfterDays = Number(n ?? 0); })} />
          </Descriptions.Item>
          {MOMENT_DAYS.map((k) => (
            <Descriptions.Item key={k} label={t(`care.${k}` as MessageKey)}>
              <InputNumber size="small" value={care.moments[k] as number} data-testid={`care-${k}`} onChange={(n) => onChange((c) => { (c.moments[k] as number) = Number(n ?? 0); })} />
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('care.milestones')}>
            <Select
              mode="tags" size="small" style={{ minWidth: 220 }} value={care.moments.mileageMilestonesKm.map(String)} data-testid="care-milestones"
              onChange={(v: string[]) => onChange((c) => { c.moments.mileageMilestonesKm = v.map(Number).sort((a, b) => a - b); })}
            />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('care.holidayCalendar')}>
        <Typography.Paragraph type="secondary">{t('care.holidayHint')}</Typography.Paragraph>
        <Space wrap data-testid="care-holiday-list">
          {care.holidays.map((h) => <Tag key={h.id} color={h.major ? 'red' : undefined}>{h.name['zh-CN']} · {h.name.en} ({h.dates.length})</Tag>)}
        </Space>
      </Card>
    </Space>
  );
}
