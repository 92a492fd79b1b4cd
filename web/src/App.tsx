import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { dayjsLocale } from './format';
import { useI18n } from './i18n';
import { Shell } from './Shell';
import { isManager, useSession } from './session';
import { SignInPage } from './pages/SignInPage';

// Each screen loads on first visit: the sign-in page stays light, charts come with the boards.
const InboxPage = lazy(() => import('./pages/InboxPage'));
const TaskPage = lazy(() => import('./pages/TaskPage'));
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const RiskListPage = lazy(() => import('./pages/RiskListPage'));
const WarningBoardPage = lazy(() => import('./pages/WarningBoardPage'));
const FunnelPage = lazy(() => import('./pages/FunnelPage'));
const RecallBoardPage = lazy(() => import('./pages/RecallBoardPage'));
const MonthlyReviewPage = lazy(() => import('./pages/MonthlyReviewPage'));
const CustomerPage = lazy(() => import('./pages/CustomerPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));

export function App() {
  const { lang } = useI18n();
  const { session, checked } = useSession();
  useEffect(() => {
    dayjs.locale(dayjsLocale(lang));
    document.documentElement.lang = lang;
  }, [lang]);

  let content;
  if (!checked) content = <Spin fullscreen />;
  else if (!session) content = <SignInPage />;
  else {
    const home = isManager(session.staff.role) ? '/overview' : '/inbox';
    content = (
      <Shell>
        <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
          <Routes>
            <Route path="/" element={<Navigate to={home} replace />} />
            <Route path="/sign-in" element={<Navigate to={home} replace />} />
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/inbox/:id" element={<TaskPage />} />
            <Route path="/overview" element={<OverviewPage />} />
            <Route path="/risk" element={<RiskListPage />} />
            <Route path="/warnings" element={<WarningBoardPage />} />
            <Route path="/funnel" element={<FunnelPage />} />
            <Route path="/recall" element={<RecallBoardPage />} />
            <Route path="/review" element={<MonthlyReviewPage />} />
            <Route path="/customers/:id" element={<CustomerPage />} />
            <Route path="/settings/*" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to={home} replace />} />
          </Routes>
        </Suspense>
      </Shell>
    );
  }
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>{content}</AntApp>
    </ConfigProvider>
  );
}
