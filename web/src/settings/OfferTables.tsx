import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../i18n';
import { codeLabel } from '../i18n/code-label';
import type { MessageKey } from '../i18n/zh-CN';
import type { Offer, OfferCatalogue } from '../server-types';
import { yuan } from './yuan';

const REASONS = ['price', 'convenience', 'service', 'passive', 'unknown'] as const;
const LEVELS = ['1', '2', '3'] as const;

/** The offers of a catalogue (what each costs the store and how long it is valid) and the default offer per recall level and churn reason. */
export function OfferTables({ catalogue }: { catalogue: OfferCatalogue }) {
  const { t, lang } = useI18n();
  const nameOf = (id: string) => catalogue.offers.find((o) => o.id === id)?.name[lang] ?? id;
  return (
    <>
      <Table<Offer>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={catalogue.offers}
        scroll={{ x: 640 }}
        data-testid="offers-table"
        columns={[
          { title: t('offers.name'), dataIndex: 'name', render: (_, o) => <><div>{o.name[lang]}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.id}</Typography.Text></> },
          { title: t('offers.kind'), dataIndex: 'kind', width: 150, render: (k: string) => codeLabel(t, `offers.kind.${k}`, k) },
          { title: t('offers.value'), dataIndex: 'value', width: 70, align: 'right' },
          { title: t('offers.unitCost'), dataIndex: 'unitCost', width: 90, align: 'right', render: (v: number) => yuan(v) },
          { title: t('offers.validDays'), dataIndex: 'validDays', width: 80, align: 'right', render: (n: number) => t('unit.days', { n }) },
          { title: t('offers.active'), dataIndex: 'active', width: 70, render: (a: boolean) => (a ? <Tag color="green">{t('offers.active')}</Tag> : <Tag>{t('offers.inactive')}</Tag>) },
        ]}
      />
      <Table
        size="small"
        rowKey="level"
        pagination={false}
        style={{ marginTop: 12 }}
        title={() => t('offers.defaults')}
        dataSource={LEVELS.map((level) => ({ level, ...catalogue.defaults[level] }))}
        scroll={{ x: 720 }}
        data-testid="offer-defaults-table"
        columns={[
          { title: t('offers.level'), dataIndex: 'level', width: 130, render: (l: string) => t(`recall.level.${l}` as MessageKey) },
          ...REASONS.map((r) => ({ title: t(`churn.${r}` as MessageKey), dataIndex: r, render: (id: string) => nameOf(id) })),
        ]}
      />
    </>
  );
}
