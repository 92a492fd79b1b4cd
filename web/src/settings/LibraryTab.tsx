import { Card, Collapse, Space } from 'antd';
import { useMemo, useState } from 'react';
import { LoadState } from '../components/LoadState';
import { useI18n } from '../i18n';
import type { ScriptLibrary, VersionedDocument } from '../server-types';
import { useMe } from '../session';
import { useApi } from '../use-api';
import { canEditDocuments } from './editors';
import { EntryModal, type EntryField } from './EntryModal';
import { JsonDraft } from './JsonDraft';
import { SaveBar } from './SaveBar';
import { ScriptTable } from './ScriptTable';
import { TemplateTable } from './TemplateTable';
import { useDraft, type Draft } from './use-draft';
import { VersionsPanel } from './VersionsPanel';

type Section = 'scripts' | 'templates';

/**
 * The script library and the message templates: one versioned document (GET/PUT /api/v1/scripts)
 * shown as two tabs. One editor serves both, so a change made on one tab is still in the draft on the other.
 */
export function LibraryTab({ section }: { section: Section }) {
  const loaded = useApi<VersionedDocument>('/scripts');
  return <LoadState loaded={loaded}>{(info) => <LibraryEditor info={info} section={section} onSaved={loaded.reload} />}</LoadState>;
}

function LibraryEditor({ info, section, onSaved }: { info: VersionedDocument; section: Section; onSaved: () => void }) {
  const { t } = useI18n();
  const canEdit = canEditDocuments(useMe().staff.role);
  const draft = useDraft(info.document as unknown as ScriptLibrary);
  const [open, setOpen] = useState<{ section: Section; id: string } | null>(null);
  const fields = useEntryFields(draft, open);
  const doc = draft.doc;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <VersionsPanel info={info} />
      <Card size="small" title={t('library.scriptCount', { scripts: doc?.scripts.length ?? 0, templates: doc?.templates.length ?? 0 })}>
        {section === 'scripts'
          ? <ScriptTable scripts={doc?.scripts ?? []} canEdit={canEdit} onOpen={(id) => setOpen({ section, id })} />
          : <TemplateTable templates={doc?.templates ?? []} canEdit={canEdit} onOpen={(id) => setOpen({ section, id })} />}
      </Card>
      <Collapse size="small" items={[{ key: 'json', label: t('settings.json'), children: <JsonDraft draft={draft} readOnly={!canEdit} testId="library-json" /> }]} />
      <SaveBar path="/scripts" draft={draft} canEdit={canEdit} onSaved={onSaved} />
      <EntryModal
        title={open?.id ?? ''}
        fields={fields}
        readOnly={!canEdit}
        onClose={() => setOpen(null)}
        onApply={(values) => {
          if (!open) return;
          draft.update((d) => {
            const entry = (open.section === 'scripts' ? d.scripts : d.templates).find((e) => e.id === open.id) as Record<string, unknown> | undefined;
            if (!entry) return;
            for (const [key, value] of Object.entries(values)) {
              if (value === undefined) delete entry[key];
              else entry[key] = value;
            }
          });
          setOpen(null);
        }}
      />
    </Space>
  );
}

/** The texts of the open entry: a script's title, text and tip; a template's subject and body. */
function useEntryFields(draft: Draft<ScriptLibrary>, open: { section: Section; id: string } | null): EntryField[] | null {
  const { t } = useI18n();
  return useMemo(() => {
    if (!open || !draft.doc) return null;
    if (open.section === 'scripts') {
      const s = draft.doc.scripts.find((x) => x.id === open.id);
      return s ? [
        { key: 'title', label: t('library.title'), value: s.title, required: true },
        { key: 'text', label: t('library.text'), value: s.text, required: true },
        { key: 'tip', label: t('library.tip'), value: s.tip, required: false },
      ] : null;
    }
    const m = draft.doc.templates.find((x) => x.id === open.id);
    return m ? [
      { key: 'subject', label: t('library.subject'), value: m.subject, required: false },
      { key: 'body', label: t('library.body'), value: m.body, required: true },
    ] : null;
    // Only when another entry opens: re-deriving on every keystroke of the draft would reset the form.
  }, [open, t]);
}
