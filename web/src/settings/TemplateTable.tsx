import { Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { codeLabel } from '../i18n/code-label';
import { useI18n } from '../i18n';
import { channelName } from '../i18n/vocabulary';
import type { Template } from '../server-types';
import { entryColumns } from './entry-columns';

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
          ...entryColumns<Template>({
            t, lang, title: t('library.body'), heading: (e) => e.subject, text: (e) => e.body,
            fieldTexts: (e) => [e.body['zh-CN'], e.body.en, e.subject?.['zh-CN'], e.subject?.en], canEdit, onOpen, testId: 'open-template',
          }),
        ]}
      />
    </>
  );
}
