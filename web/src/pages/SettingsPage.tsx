import { Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadState } from '../components/LoadState';
import { useI18n } from '../i18n';
import type { VersionedDocument } from '../server-types';
import { useMe } from '../session';
import { AuditTab } from '../settings/AuditTab';
import { ContactTab } from '../settings/ContactTab';
import { LibraryTab } from '../settings/LibraryTab';
import { OffersTab } from '../settings/OffersTab';
import { PolicyEditor } from '../settings/PolicyEditor';
import { ProgramsTab } from '../settings/ProgramsTab';
import { StaffTab } from '../settings/StaffTab';
import { PageTitle } from '../Shell';
import { useApi } from '../use-api';

const TABS = ['policy', 'rules', 'care', 'programs', 'scripts', 'templates', 'contact', 'offers', 'staff', 'audit'] as const;
type Tab = (typeof TABS)[number];

/**
 * Settings (策略配置), one tab per document. The tab's content renders below the tab bar rather
 * than inside it, so tabs that edit one document (policy, rules and care; scripts and templates) share
 * one editor and its unsaved draft.
 */
export default function SettingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const wanted = useParams()['*'] as Tab;
  const tab: Tab = TABS.includes(wanted) ? wanted : 'policy';
  const isAdmin = me.staff.role === 'admin';
  return (
    <>
      <PageTitle>{t('nav.settings')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/settings/${k}`)}
        items={TABS.filter((k) => k !== 'audit' || isAdmin).map((k) => ({ key: k, label: t(`settings.${k}`) }))}
      />
      {(tab === 'policy' || tab === 'rules' || tab === 'care') && <PolicyTab tab={tab} />}
      {tab === 'programs' && <ProgramsTab />}
      {(tab === 'scripts' || tab === 'templates') && <LibraryTab section={tab} />}
      {tab === 'contact' && <ContactTab />}
      {tab === 'offers' && <OffersTab />}
      {tab === 'staff' && <StaffTab />}
      {tab === 'audit' && isAdmin && <AuditTab />}
    </>
  );
}

function PolicyTab({ tab }: { tab: 'policy' | 'rules' | 'care' }) {
  const policy = useApi<VersionedDocument>('/settings/policy');
  return <LoadState loaded={policy}>{(p) => <PolicyEditor info={p} tab={tab} onSaved={policy.reload} />}</LoadState>;
}
