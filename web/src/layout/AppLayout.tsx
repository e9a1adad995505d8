import {
  ApartmentOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundOutlined,
  GlobalOutlined,
  InboxOutlined,
  LogoutOutlined,
  FileDoneOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
  SwapOutlined,
  TrophyOutlined,
  DollarOutlined,
  UnorderedListOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Layout, Menu, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { useClock, useMe, useProgrammes } from '../api/queries';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate } from '../i18n/format';
import { NotFound, PageSpinner } from '../ui/states';
import { AsOfPicker } from './AsOfPicker';
import { LanguageSwitch } from './LanguageSwitch';
import { ProgrammePicker } from './ProgrammePicker';
import { NotificationBell } from '../notifications/NotificationBell';
import './layout.css';

/** The frame of every page of a programme: who I am, which programme, as of which date, where to go. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programmeId: raw } = useParams();
  const programmeId = Number(raw);
  const me = useMe();
  const programmes = useProgrammes();
  const clock = useClock();
  const [asOf, setAsOf] = useAsOf();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const online = useOnline();

  if (programmes.isPending) return <PageSpinner />;
  const programme = programmes.data?.find((p) => p.id === programmeId);
  if (!programme) return <NotFound />;

  const base = `/p/${programmeId}`;
  const rest = location.pathname.slice(base.length + 1).split('/')[0] ?? '';
  // Each menu key is its route's first segment (the report form belongs to the inbox).
  const section = rest === 'reports' ? 'inbox' : rest === 'kpi-entry' ? 'okrs' : rest || 'overview';
  const today = clock.data?.today;
  const replaying = asOf !== undefined && asOf !== today;

  async function signOut() {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    navigate('/', { replace: true });
    qc.setQueryData(['me'], null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  }

  return (
    <Layout className="shell">
      <Layout.Header className="shell__header">
        <Link to={withAsOf(base, asOf)} className="shell__brand" aria-label={t('app.name')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="hide-on-phone">{t('app.name')}</span>
        </Link>
        <ProgrammePicker
          programmes={programmes.data ?? []}
          value={programmeId}
          onChange={(id) => navigate(withAsOf(`/p/${id}`, asOf))}
        />
        <div className="shell__spacer" />
        <Typography.Text className="shell__user hide-on-phone" ellipsis title={me.data?.email}>
          {me.data?.displayName}
        </Typography.Text>
        <NotificationBell timeZone={programme?.timeZone} />
        <LanguageSwitch signedIn />
        <Tooltip title={t('auth.signOut')}>
          <Button
            icon={<LogoutOutlined />}
            onClick={() => void signOut()}
            data-testid="logout"
            aria-label={t('auth.signOut')}
          />
        </Tooltip>
      </Layout.Header>
      <div className="shell__bar">
        <Menu
          mode="horizontal"
          selectedKeys={[section]}
          className="shell__nav"
          items={[
            {
              key: 'overview',
              icon: <DashboardOutlined />,
              label: <Link to={withAsOf(base, asOf)}>{t('nav.overview')}</Link>,
            },
            {
              key: 'cockpit',
              icon: <FundOutlined />,
              label: <Link to={withAsOf(`${base}/cockpit`, asOf)}>{t('cockpit.nav')}</Link>,
            },
            {
              key: 'tasks',
              icon: <UnorderedListOutlined />,
              label: <Link to={withAsOf(`${base}/tasks`, asOf)}>{t('nav.tasks')}</Link>,
            },
            {
              key: 'units',
              icon: <ApartmentOutlined />,
              label: <Link to={withAsOf(`${base}/units`, asOf)}>{t('nav.units')}</Link>,
            },
            {
              key: 'inbox',
              icon: <InboxOutlined />,
              label: <Link to={`${base}/inbox`}>{t('nav.inbox')}</Link>,
            },
            {
              key: 'discipline',
              icon: <AuditOutlined />,
              label: <Link to={`${base}/discipline`}>{t('nav.discipline')}</Link>,
            },
            {
              key: 'warnings',
              icon: <AlertOutlined />,
              label: <Link to={`${base}/warnings`}>{t('nav.warnings')}</Link>,
            },
            {
              key: 'money',
              icon: <DollarOutlined />,
              label: <Link to={`${base}/money`}>{t('money.nav')}</Link>,
            },
            {
              key: 'requests',
              icon: <SwapOutlined />,
              label: <Link to={`${base}/requests`}>{t('nav.requests')}</Link>,
            },
            ...(['obstacles', 'recommendations', 'pilots'] as const).map((k) => ({
              key: k,
              icon: <StopOutlined />,
              label: <Link to={`${base}/${k}`}>{t(`${k}.nav`)}</Link>,
            })),
            {
              key: 'criteria',
              icon: <CheckSquareOutlined />,
              label: <Link to={`${base}/criteria`}>{t('criteria.nav')}</Link>,
            },
            {
              key: 'catalogue',
              icon: <DatabaseOutlined />,
              label: <Link to={withAsOf(`${base}/catalogue`, asOf)}>{t('catalogue.nav')}</Link>,
            },
            ...(me.data?.roles.some(
              (r) =>
                r.role === 'admin' ||
                (['steering', 'standing', 'inspector'].includes(r.role) &&
                  (r.programmeId === null || r.programmeId === programmeId)),
            )
              ? [
                  {
                    key: 'briefs',
                    icon: <FileTextOutlined />,
                    label: <Link to={`${base}/briefs`}>{t('briefs.nav')}</Link>,
                  },
                  {
                    key: 'evaluation',
                    icon: <TrophyOutlined />,
                    label: <Link to={`${base}/evaluation`}>{t('evaluation.nav')}</Link>,
                  },
                  {
                    key: 'inspection',
                    icon: <SafetyCertificateOutlined />,
                    label: <Link to={withAsOf(`${base}/inspection`, asOf)}>{t('inspection.nav')}</Link>,
                  },
                ]
              : []),
            ...(me.data?.roles.some(
              (r) =>
                r.role === 'admin' ||
                (['steering', 'standing'].includes(r.role) &&
                  (r.programmeId === null || r.programmeId === programmeId)),
            )
              ? [
                  {
                    key: 'publication',
                    icon: <GlobalOutlined />,
                    label: <Link to={`${base}/publication`}>{t('publicPage.settings')}</Link>,
                  },
                ]
              : []),
            {
              key: 'service-records',
              icon: <FileDoneOutlined />,
              label: <Link to={`${base}/service-records`}>{t('records.nav')}</Link>,
            },
            {
              key: 'okrs',
              icon: <AimOutlined />,
              label: <Link to={withAsOf(`${base}/okrs`, asOf)}>{t('indicators.nav')}</Link>,
            },
            ...(me.data?.roles.some(
              (r) =>
                r.role === 'admin' ||
                (r.role === 'standing' && (r.programmeId === null || r.programmeId === programmeId)),
            )
              ? [
                  {
                    key: 'people',
                    icon: <TeamOutlined />,
                    label: <Link to={`${base}/people`}>{t('people.nav')}</Link>,
                  },
                ]
              : []),
            ...(me.data?.roles.some((r) => r.role === 'admin')
              ? [
                  {
                    key: 'outbox',
                    icon: <MailOutlined />,
                    label: <Link to={`${base}/outbox`}>{t('bell.outbox')}</Link>,
                  },
                ]
              : []),
          ]}
        />
        <AsOfPicker value={asOf} today={today} onChange={setAsOf} />
      </div>
      {!online && <Alert type="warning" banner title={t('common.offline')} />}
      {replaying && (
        <Alert
          type="info"
          banner
          data-testid="replay-banner"
          title={t('common.replaying', { date: formatDate(asOf, lang) })}
          action={
            <Button size="small" onClick={() => setAsOf(undefined)}>
              {t('common.backToToday')}
            </Button>
          }
        />
      )}
      <Layout.Content className="shell__content">
        <Outlet context={{ programme, today }} />
      </Layout.Content>
    </Layout>
  );
}

function useOnline() {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}
