import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { fmtDate } from '../format';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { CareResult } from '../server-types';

const STATUS_COLOR = { within: 'green', due: 'gold', overdue: 'red' } as const;

/** 关怀 on customer 360: the tier's promise, when the customer was last contacted proactively, and what is due. */
export function CareCard({ care }: { care: CareResult | undefined }) {
  const { t } = useI18n();
  if (!care) return null;
  return (
    <Card size="small" title={t('care.title')} data-testid="care-card">
      <Descriptions size="small" column={1} styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('care.tier')}>
          <Space size={4} wrap>
            <span>{t(`value.${care.tier}` as MessageKey)}</span>
            <Typography.Text type="secondary">{t(`care.advisor.${care.advisor}` as MessageKey)}</Typography.Text>
            {care.priorityBooking && <Tag color="blue">{t('care.priority')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('care.interval')}>
          {care.intervalDays === null ? t('care.noInterval') : t('care.intervalValue', { n: care.intervalDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('care.lastTouch')}>
          <span data-testid="care-last-touch">
            {care.lastTouch === null
              ? t('care.lastTouchNone')
              : `${fmtDate(care.lastTouch)} · ${t(`care.touch.${care.lastTouchKind ?? 'message'}` as MessageKey)}`}
          </span>
        </Descriptions.Item>
        {care.due !== null && (
          <Descriptions.Item label={t('care.nextDue')}>
            <Space size={6} wrap>
              <span>{fmtDate(care.due)}</span>
              {care.status !== null && (
                <Tag color={STATUS_COLOR[care.status]} data-testid="care-status">{t(`care.status.${care.status}` as MessageKey)}</Tag>
              )}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      {!care.eligible && care.status !== null && <Typography.Paragraph type="secondary">{t('care.notEligible')}</Typography.Paragraph>}
      <Typography.Text strong>{t('care.openMoments')}</Typography.Text>
      {care.moments.length === 0
        ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.noMoments')} />
        : (
          <Space size={4} wrap style={{ marginTop: 6 }} data-testid="care-moments">
            {care.moments.map((m) => <Tag key={m.key}>{t(`trigger.care.${m.moment}` as MessageKey)} · {fmtDate(m.day)}</Tag>)}
          </Space>
        )}
    </Card>
  );
}
