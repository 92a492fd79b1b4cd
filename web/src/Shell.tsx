import {
  AlertOutlined, CalendarOutlined, CheckSquareOutlined, DashboardOutlined, FunnelPlotOutlined,
  LogoutOutlined, MenuOutlined, PhoneOutlined, SettingOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n';
import type { MessageKey } from './i18n/zh-CN';
import { isManager, useMe, useSession } from './session';

/** The menu: every screen of screens.md; settings only for managers and admins. */
function useMenuItems() {
  const { t } = useI18n();
  const me = useMe();
  const items: { key: string; icon: ReactNode; label: string }[] = [
    { key: '/inbox', icon: <CheckSquareOutlined />, label: t('nav.inbox') },
    { key: '/warnings', icon: <AlertOutlined />, label: t('nav.warnings') },
    { key: '/risk', icon: <UnorderedListOutlined />, label: t('nav.risk') },
    { key: '/overview', icon: <DashboardOutlined />, label: t('nav.overview') },
    { key: '/funnel', icon: <FunnelPlotOutlined />, label: t('nav.funnel') },
    { key: '/recall', icon: <PhoneOutlined />, label: t('nav.recall') },
    { key: '/review', icon: <CalendarOutlined />, label: t('nav.review') },
  ];
  if (isManager(me.staff.role)) items.push({ key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') });
  return items;
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { signOut } = useSession();
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawer, setDrawer] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const items = useMenuItems();
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '';
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(key);
      }}
      data-testid="nav"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>{t('app.name')}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: phone ? '0 8px' : '0 20px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: 'normal' }}
        >
          {phone && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setDrawer(true)} data-testid="menu-button" />}
          {phone && <Typography.Text strong>{t('app.short')}</Typography.Text>}
          <div style={{ flex: 1 }} />
          <Space size={phone ? 4 : 12}>
            <Typography.Text data-testid="me" ellipsis style={{ maxWidth: phone ? 120 : 320, display: 'block' }}>
              {me.staff.name} · {t(`role.${me.staff.role}` as MessageKey)}
            </Typography.Text>
            <Button size="small" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">
              {t('lang.switch')}
            </Button>
            <Button size="small" type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label={t('signOut')} data-testid="sign-out">
              {phone ? null : t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 8 : 20 }}>{children}</Layout.Content>
      </Layout>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
        {menu}
      </Drawer>
    </Layout>
  );
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}>
      <Typography.Title level={4} style={{ margin: 0, flex: 1, minWidth: 200 }}>
        {children}
      </Typography.Title>
      {extra}
    </div>
  );
}

