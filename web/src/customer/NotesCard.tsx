import { EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api';
import { LoadState } from '../components/LoadState';
import { useI18n } from '../i18n';
import { useApi } from '../use-api';
import { changedTopics, CurrentNotes, draftOf, NoteAuthor, NoteFields, type NotesView, type NoteTopic } from './notes';

/** 个人备注 on customer 360: what the staff know about the person, who wrote it, and every earlier version. */
export function NotesCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const path = `/customers/${encodeURIComponent(customerId)}/notes`;
  const loaded = useApi<NotesView>(path);
  // The save answers with the notes as they are now; shown as is, without a second GET.
  const [saved, setSaved] = useState<NotesView | null>(null);
  const [editing, setEditing] = useState(false);
  const view = saved ?? loaded.data;
  return (
    <Card
      size="small"
      title={t('notes.title')}
      data-testid="notes-card"
      extra={view && !editing && (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="notes-edit">{t('notes.edit')}</Button>
      )}
    >
      <LoadState loaded={{ ...loaded, data: view }}>
        {(v) => (
          <Space direction="vertical" size={10} style={{ width: '100%' }}>
            {editing
              ? <NotesForm path={path} view={v} onSaved={(next) => { setSaved(next); setEditing(false); }} onCancel={() => setEditing(false)} />
              : <CurrentNotes view={v} />}
            {v.history.length > 0 && <NotesHistory view={v} />}
          </Space>
        )}
      </LoadState>
    </Card>
  );
}

function NotesForm({ path, view, onSaved, onCancel }: { path: string; view: NotesView; onSaved: (v: NotesView) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [start] = useState(() => draftOf(view));
  const [draft, setDraft] = useState<Record<NoteTopic, string>>(start);
  const [busy, setBusy] = useState(false);

  async function save() {
    const notes = changedTopics(start, draft);
    if (Object.keys(notes).length === 0) {
      void message.info(t('notes.nothingChanged'));
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onSaved(await api<NotesView>(path, { method: 'POST', body: { notes } }));
      void message.success(t('notes.saved'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="notes-form">
      <NoteFields draft={draft} onChange={setDraft} testIdPrefix="note-input" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('notes.clearHint')} · {t('notes.phoneMasked')}</Typography.Text>
      <Space>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="notes-save">{t('notes.save')}</Button>
        <Button disabled={busy} onClick={onCancel}>{t('cancel')}</Button>
      </Space>
    </Space>
  );
}

function NotesHistory({ view }: { view: NotesView }) {
  const { t } = useI18n();
  return (
    <Collapse
      size="small"
      data-testid="notes-history"
      items={[{
        key: 'history',
        label: t('notes.history', { n: view.history.length }),
        children: (
          <List
            size="small"
            dataSource={view.history}
            renderItem={(n) => (
              <List.Item key={n.id} data-testid="note-version">
                <Space direction="vertical" size={0}>
                  <span>
                    <Typography.Text strong>{t(`notes.topic.${n.topic}`)}：</Typography.Text>
                    {n.text === null ? <Typography.Text type="secondary" italic>{t('notes.cleared')}</Typography.Text> : <span style={{ whiteSpace: 'pre-wrap' }}>{n.text}</span>}
                  </span>
                  <span>
                    <NoteAuthor note={n} />
                    {n.taskId && <Typography.Text type="secondary"> · {t('notes.onTask', { id: n.taskId })}</Typography.Text>}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        ),
      }]}
    />
  );
}
