import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import type { VersionedDocument } from '../server-types';

/** The version in force and every saved version with who saved it and when. */
export function VersionsPanel({ info }: { info: Pick<VersionedDocument, 'version' | 'activatedAt' | 'versions'> }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={8}>
        <Card size="small">
          <Statistic title={t('settings.version')} value={info.version} styles={{ content: { fontSize: 18, wordBreak: 'break-all' } }} data-testid="version-in-force" />
          <Typography.Text type="secondary">
            {t('settings.activatedAt')}: {info.activatedAt ? fmtDateTime(info.activatedAt) : t('settings.shipped')}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={16}>
        <Table
          size="small"
          rowKey="version"
          pagination={{ pageSize: 5, size: 'small', hideOnSinglePage: true }}
          title={() => t('settings.versions')}
          dataSource={info.versions}
          scroll={{ x: 420 }}
          locale={{ emptyText: t('settings.noVersions') }}
          data-testid="versions-table"
          columns={[
            { title: t('settings.version'), dataIndex: 'version', render: (v: string, r) => <Space wrap>{v}{r.active && <Tag color="blue">{t('settings.active')}</Tag>}</Space> },
            { title: t('settings.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => fmtDateTime(v) },
            { title: t('settings.createdBy'), dataIndex: 'createdBy', width: 110, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Col>
    </Row>
  );
}
