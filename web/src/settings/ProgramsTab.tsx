import { Card, Collapse, Space } from 'antd';
import { useRef, useState } from 'react';
import { LoadState } from '../components/LoadState';
import { useI18n } from '../i18n';
import type { ProgramDocument, VersionedDocument } from '../server-types';
import { useMe } from '../session';
import { useApi } from '../use-api';
import { canEditDocuments } from './editors';
import { JsonDraft } from './JsonDraft';
import { ProgramPreview } from './ProgramPreview';
import { ProgramTable } from './ProgramTable';
import { SaveBar } from './SaveBar';
import { useDraft } from './use-draft';
import { VersionsPanel } from './VersionsPanel';

/** Programs (programs.md): who does what by when, edited as a draft, previewed on a customer, saved as a new version. */
export function ProgramsTab() {
  const loaded = useApi<VersionedDocument>('/programs');
  return <LoadState loaded={loaded}>{(info) => <ProgramsEditor info={info} onSaved={loaded.reload} />}</LoadState>;
}

function ProgramsEditor({ info, onSaved }: { info: VersionedDocument; onSaved: () => void }) {
  const { t } = useI18n();
  const canEdit = canEditDocuments(useMe().staff.role);
  const draft = useDraft(info.document as unknown as ProgramDocument);
  const [previewing, setPreviewing] = useState<string | undefined>();
  const previewCard = useRef<HTMLDivElement>(null);
  const programs = draft.doc?.programs ?? [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <VersionsPanel info={info} />
      <Card size="small" title={t('programs.count', { n: programs.length, enabled: programs.filter((p) => p.enabled).length })}>
        <ProgramTable
          programs={programs}
          canEdit={canEdit}
          onToggle={(id, on) => draft.update((d) => { d.programs.find((p) => p.id === id)!.enabled = on; })}
          onPreview={(id) => {
            setPreviewing(id);
            previewCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
        />
      </Card>
      <div ref={previewCard}>
        <ProgramPreview draft={draft.doc} programId={previewing} onProgram={setPreviewing} />
      </div>
      <Collapse size="small" items={[{ key: 'json', label: t('settings.json'), children: <JsonDraft draft={draft} readOnly={!canEdit} testId="programs-json" /> }]} />
      <SaveBar path="/programs" draft={draft} canEdit={canEdit} onSaved={onSaved} />
    </Space>
  );
}
