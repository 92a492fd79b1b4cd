import { Input, Space, Typography } from 'antd';
import { fmtDateTime } from '../format';
import { useI18n } from '../i18n';
import type { NotesView, NoteVersionView } from '../server-types';

export type { NotesView, NoteVersionView };
export type NoteTopic = NoteVersionView['topic'];

/** The question left open is what the next call starts from, so it leads everywhere notes are listed. */
export const NOTE_TOPICS: readonly NoteTopic[] = ['open_question', 'drink', 'family', 'job', 'other'];

/** The current notes worth showing (a cleared topic has nothing to say), open question first. */
export function currentNotes(view: NotesView): NoteVersionView[] {
  return NOTE_TOPICS.flatMap((topic) => view.current.filter((n) => n.topic === topic && n.text !== null));
}

/** The text each topic starts from in a form: the current note, as the server shows it. */
export function draftOf(view: NotesView): Record<NoteTopic, string> {
  const draft = { open_question: '', drink: '', family: '', job: '', other: '' };
  for (const n of view.current) draft[n.topic] = n.text ?? '';
  return draft;
}

/**
 * Only the topics whose text differs from where the form started: the server shows phone numbers
 * masked, and sending an untouched note back would store the masked text as a new version.
 */
export function changedTopics(start: Record<NoteTopic, string>, draft: Record<NoteTopic, string>): Partial<Record<NoteTopic, string>> {
  const changed: Partial<Record<NoteTopic, string>> = {};
  for (const topic of NOTE_TOPICS) if (draft[topic].trim() !== start[topic].trim()) changed[topic] = draft[topic].trim();
  return changed;
}

export function NoteAuthor({ note }: { note: NoteVersionView }) {
  const { t } = useI18n();
  const name = note.staffName ?? (note.source === 'import' ? t('notes.imported') : t('notes.unknownStaff'));
  return (
    <Typography.Text type="secondary" data-testid="note-author">
      {t('notes.by', { name, at: fmtDateTime(note.at) })}
    </Typography.Text>
  );
}

/** The current notes as a short list: topic, text, who and when. */
export function CurrentNotes({ view }: { view: NotesView }) {
  const { t } = useI18n();
  const notes = currentNotes(view);
  if (notes.length === 0) return <Typography.Text type="secondary" data-testid="notes-empty">{t('notes.empty')}</Typography.Text>;
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }} data-testid="notes-current">
      {notes.map((n) => (
        <div key={n.topic} data-testid={`note-${n.topic}`}>
          <Typography.Text strong>{t(`notes.topic.${n.topic}`)}：</Typography.Text>
          <Typography.Text data-testid="note-text" style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Typography.Text>
          <div><NoteAuthor note={n} /></div>
        </div>
      ))}
    </Space>
  );
}

/** A field per topic; `testIdPrefix` keeps the 360 form and the outcome form apart in tests. */
export function NoteFields({ draft, onChange, testIdPrefix }: { draft: Record<NoteTopic, string>; onChange: (next: Record<NoteTopic, string>) => void; testIdPrefix: string }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }}>
      {NOTE_TOPICS.map((topic) => (
        <label key={topic} style={{ display: 'block' }}>
          <Typography.Text type="secondary">{t(`notes.topic.${topic}`)}</Typography.Text>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={500}
            value={draft[topic]}
            onChange={(e) => onChange({ ...draft, [topic]: e.target.value })}
            data-testid={`${testIdPrefix}-${topic}`}
          />
        </label>
      ))}
    </Space>
  );
}
