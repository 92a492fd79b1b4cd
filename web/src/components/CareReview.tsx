import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { fmtNumber } from '../format';
import { useI18n } from '../i18n';

interface Group { n: number; recovered: number; rate: number | null }
interface Uplift { treated: Group; heldOut: Group; difference: number | null; significant: boolean; verdict: string }
export interface CareReviewData {
  work: { tasksOpened: number; tasksDone: number; tasksReached: number; messagesSent: number; customersTouched: number };
  windowDays: number;
  stayedClear: Uplift;
  visited: Uplift;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const points = (d: number | null) => (d === null ? '—' : `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}`);

/** 主动关怀复盘 on the monthly review: the month's care work, and care against its random hold-out. */
export function CareReview({ care }: { care: CareReviewData }) {
  const { t } = useI18n();
  const w = care.work;
  const effect = (u: Uplift) => (
    <>
      {points(u.difference)}
      {u.difference !== null && !u.significant && <Typography.Text type="secondary"> ({t('care.review.notSignificant')})</Typography.Text>}
    </>
  );
  return (
    <Card size="small" title={t('care.review')} data-testid="review-care">
      <Typography.Paragraph type="secondary">{t('care.review.hint', { days: care.windowDays })}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {([
          ['tasksOpened', w.tasksOpened], ['tasksDone', w.tasksDone], ['tasksReached', w.tasksReached],
          ['messagesSent', w.messagesSent], ['customersTouched', w.customersTouched],
        ] as const).map(([key, n]) => (
          <Col xs={12} md={8} xl={4} key={key}>
            <Statistic title={t(`care.review.${key}`)} value={fmtNumber(n)} data-testid={`care-${key}`} />
          </Col>
        ))}
      </Row>
      {care.stayedClear.heldOut.n === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="care-no-hold-out">{t('care.review.noHoldOut')}</Typography.Paragraph>
      ) : (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey="group"
          data-testid="care-effect"
          dataSource={[
            { group: 'treated', clear: care.stayedClear.treated, visited: care.visited.treated },
            { group: 'heldOut', clear: care.stayedClear.heldOut, visited: care.visited.heldOut },
          ]}
          columns={[
            { title: t('care.review.group'), dataIndex: 'group', render: (g: 'treated' | 'heldOut') => t(`care.review.${g}`) },
            { title: t('care.review.customers'), key: 'n', align: 'right', render: (_, r) => fmtNumber(r.clear.n) },
            { title: t('care.review.stayedClear'), key: 'c', align: 'right', render: (_, r) => pct(r.clear.rate) },
            { title: t('care.review.visited'), key: 'v', align: 'right', render: (_, r) => pct(r.visited.rate) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('care.review.difference')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2} align="right"><span data-testid="care-clear-difference">{effect(care.stayedClear)}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right"><span data-testid="care-visited-difference">{effect(care.visited)}</span></Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}
