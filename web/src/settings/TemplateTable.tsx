import { Button, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { codeLabel } from '../i18n/code-label';
import { useI18n } from '../i18n';
import { channelName } from '../i18n/vocabulary';
import type { Template } from '../server-types';
import { FieldTags } from './FieldTags';

/** Message templates per channel (SMS, WeChat, app push, email) and purpose, in the reader's language with the fields they use. */
export function TemplateTable({ templates, canEdit, onOpen }: { templates: Template[]; canEdit: boolean; onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  const [channel, setChannel] = useState<string | undefined>();
  const channels = [...new Set(templates.map((m) => m.channel))];
  const shown = templates.filter((m) => !channel || m.channel === channel);
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t('library.channel')}
          value={channel}
          onChange={setChannel}
          options={channels.map((c) => ({ value: c, label: channelName(c, lang) }))}
          style={{ width: 150 }}
          data-testid="filter-channel"
        />
        <Typography.Text type="secondary">{t('library.count', { n: shown.length })}</Typography.Text>
      </Space>
      <Table<Template>
        size="small"
        rowKey="id"
        dataSource={shown}
        scroll={{ x: 860 }}
        pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }}
        data-testid="templates-table"
        columns={[
          { title: 'ID', dataIndex: 'id', width: 170, render: (id: string) => <Typography.Text style={{ fontSize: 12 }}>{id}</Typography.Text> },
          { title: t('library.channel'), dataIndex: 'channel', width: 80, render: (c: string) => channelName(c, lang) },
          { title: t('library.purpose'), dataIndex: 'purpose', width: 110, render: (p: string) => codeLabel(t, `purpose.${p}`, p) },
          {
            title: t('library.body'), key: 'body',
            render: (_, m) => (
              <>
                {m.subject && <Typography.Text strong>{m.subject[lang]}</Typography.Text>}
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '…' }} style={{ margin: 0, fontSize: 13 }}>{m.body[lang]}</Typography.Paragraph>
              </>
            ),
          },
          { title: t('library.fields'), key: 'fields', width: 160, render: (_, m) => <FieldTags texts={[m.body['zh-CN'], m.body.en, m.subject?.['zh-CN'], m.subject?.en]} /> },
          {
            title: '', key: 'open', width: 70, fixed: 'right',
            render: (_, m) => <Button size="small" onClick={() => onOpen(m.id)} data-testid={`open-template-${m.id}`}>{canEdit ? t('library.edit') : t('library.view')}</Button>,
          },
        ]}
      />
    </>
  );
}
