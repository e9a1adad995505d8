import { PrinterOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { Cockpit } from '@shared/schemas/cockpit';
import { TASK_STATES } from '@shared/vocabulary';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty as AntEmpty,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
  message,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useClock, useCockpit } from '../api/queries';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { useUnitReader } from '../app/useUnitReader';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, formatNumber, ltr, pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { STATE_COLORS } from '../ui/StateTag';
import { ErrorNote, PageSpinner } from '../ui/states';
import { download } from './download';
import { KpiTiles } from './KpiTiles';
import { OverdueTasksTable, UnitsTable } from './CockpitTables';
import { RegistersTiles } from './RegistersTiles';
import { ServicesPanel } from './ServicesPanel';
import { Tile } from './Tile';
import { useCockpitFilters } from './useCockpitFilters';
import { WarningListCard } from './WarningListCard';
import '../overview/overview.css';
import './cockpit.css';

const charts = () => import('./CockpitCharts');
const TrendChart = lazy(() => charts().then((m) => ({ default: m.TrendChart })));
const GroupChart = lazy(() => charts().then((m) => ({ default: m.GroupChart })));
const ReportingChart = lazy(() => charts().then((m) => ({ default: m.ReportingChart })));
const OverdueByUnitChart = lazy(() => import('../overview/OverdueByUnitChart'));

/**
 * The programme cockpit: what a chair reads in one glance, for the programme, one group or one
 * unit's subtree, as of the date in the URL. One request brings every tile; each tile's numbers
 * download as CSV or XLSX; a click drills down (group → unit → task).
 */
export default function CockpitPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const filters = useCockpitFilters();
  const navigate = useNavigate();
  const unitReader = useUnitReader(programme.id);
  const cockpit = useCockpit(programme.id, { asOf, groupId: filters.groupId, unitId: filters.unitId });
  const base = `/p/${programme.id}`;

  if (cockpit.isPending) return <PageSpinner />;
  if (cockpit.isError) return <ErrorNote error={cockpit.error} onRetry={() => void cockpit.refetch()} />;
  const c = cockpit.data;
  const query = { asOf, groupId: filters.groupId, unitId: filters.unitId };
  const exportPath = `/programmes/${programme.id}/cockpit/export`;
  const groupName = (id: number | null) => {
    const g = programme.groups.find((x) => x.id === id);
    return g ? pickName(g.name, lang) : t('overview.noGroup');
  };
  const openTasks = (extra: Record<string, string>) =>
    navigate(
      withAsOf(`${base}/tasks`, asOf, {
        ...(filters.groupId ? { groupId: String(filters.groupId) } : {}),
        ...(filters.unitId ? { unitId: String(filters.unitId) } : {}),
        ...extra,
      }),
    );
  const done = c.summary.byState.done_on_time + c.summary.byState.done_late;
  const title = c.scope.unit?.name ?? pickName(programme.name, lang);

  return (
    <div className="cockpit" style={{ opacity: cockpit.isPlaceholderData ? 0.6 : 1 }} data-testid="cockpit">
      <header className="cockpit__head">
        <div>
          <Breadcrumb
            data-testid="cockpit-breadcrumb"
            items={[
              {
                title: (
                  <a onClick={() => filters.set({ unitId: null, groupId: null })}>
                    {t('cockpit.wholeProgramme')}
                  </a>
                ),
              },
              ...c.scope.path.slice(1).map((u) => ({
                title: <a onClick={() => filters.set({ unitId: u.id })}>{u.name}</a>,
              })),
            ]}
          />
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="cockpit-title">
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="cockpit-as-of">
            {t('common.asOf')} {formatDate(c.asOf, lang)}
          </Typography.Text>
        </div>
        <Space wrap className="no-print">
          <Select
            style={{ minWidth: 220 }}
            value={filters.groupId ?? 0}
            onChange={(v) => filters.set({ groupId: v || null })}
            data-testid="cockpit-group"
            options={[
              { value: 0, label: t('cockpit.allGroups') },
              ...programme.groups.map((g) => ({ value: g.id, label: pickName(g.name, lang) })),
            ]}
          />
          <Button
            icon={<FileExcelOutlined />}
            onClick={() =>
              void download(exportPath, { ...query, format: 'xlsx' }).catch(() =>
                message.error(t('common.error')),
              )
            }
            data-testid="download-all"
          >
            {t('cockpit.downloadAll')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('cockpit.print')}
          </Button>
        </Space>
      </header>

      <Row gutter={[12, 12]}>
        <Col xs={12} sm={8} lg={4}>
          <Card className="state-card" hoverable onClick={() => openTasks({})} data-testid="cockpit-total">
            <div className="state-card__label">{t('overview.total')}</div>
            <div className="state-card__value">{formatNumber(c.summary.total, lang)}</div>
            <div className="state-card__share">
              {t('cockpit.done')}: {formatNumber(done, lang)}
            </div>
          </Card>
        </Col>
        {TASK_STATES.map((s) => (
          <Col xs={12} sm={8} lg={4} key={s}>
            <Card
              className="state-card"
              hoverable
              onClick={() => openTasks({ state: s })}
              data-testid={`cockpit-state-${s}`}
              style={{ borderTop: `3px solid ${STATE_COLORS[s]}` }}
            >
              <div className="state-card__label">{t(`state.${s}`)}</div>
              <div className="state-card__value" data-testid="cockpit-state-value">
                {formatNumber(c.summary.byState[s], lang)}
              </div>
              <div className="state-card__share">
                {c.summary.total ? formatNumber((c.summary.byState[s] / c.summary.total) * 100, lang, 1) : 0}%
              </div>
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]} className="cockpit__row">
        <Col xs={24} xl={16}>
          <Tile tile="trend" title={t('cockpit.trend')} exportPath={exportPath} query={query}>
            <Suspense fallback={<Skeleton active />}>
              <TrendChart trend={c.trend} lang={lang} />
            </Suspense>
          </Tile>
        </Col>
        <Col xs={24} xl={8}>
          <WarningListCard
            list={c.warningList}
            lang={lang}
            exportPath={exportPath}
            query={query}
            base={base}
          />
        </Col>
      </Row>

      <Row gutter={[12, 12]} className="cockpit__row">
        <Col xs={24} lg={12} xl={8}>
          <Tile tile="overdue_units" title={t('cockpit.overdueByUnit')} exportPath={exportPath} query={query}>
            {c.summary.overdueByUnit.length === 0 ? (
              <AntEmpty image={AntEmpty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noOverdue')} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <OverdueByUnitChart
                  rows={c.summary.overdueByUnit.slice(0, 10)}
                  rtl={lang === 'ar'}
                  onUnit={(unitId) => filters.set({ unitId })}
                />
              </Suspense>
            )}
          </Tile>
        </Col>
        <Col xs={24} lg={12} xl={8}>
          <Tile
            tile="overdue_groups"
            title={t('cockpit.overdueByGroup')}
            exportPath={exportPath}
            query={query}
          >
            <Suspense fallback={<Skeleton active />}>
              <GroupChart
                rows={c.summary.byGroup
                  .map((g) => ({
                    groupId: g.groupId,
                    name: groupName(g.groupId),
                    overdue: g.byState.overdue,
                    total: g.total,
                  }))
                  .sort((a, b) => b.overdue - a.overdue)}
                lang={lang}
                onGroup={(groupId) => filters.set({ groupId })}
              />
            </Suspense>
          </Tile>
        </Col>
        <Col xs={24} xl={8}>
          <ReportingTile rows={c.reporting} lang={lang} exportPath={exportPath} query={query} />
        </Col>
      </Row>

      <div className="cockpit__row">
        <KpiTiles kpis={c.kpis} lang={lang} exportPath={exportPath} query={query} unitReader={!!unitReader} />
      </div>

      <RegistersTiles
        registers={c.registers}
        programmeId={programme.id}
        lang={lang}
        exportPath={exportPath}
        query={query}
      />

      {c.services && (
        <div className="cockpit__row">
          <ServicesPanel
            services={c.services}
            lang={lang}
            exportPath={exportPath}
            query={query}
            onUnit={(unitId) => filters.set({ unitId })}
          />
        </div>
      )}

      <Row gutter={[12, 12]} className="cockpit__row">
        {c.units.length > 0 && (
          <Col xs={24} xl={c.overdueTasks.length ? 12 : 24}>
            <Tile
              tile="units"
              title={t('cockpit.units')}
              extra={<Typography.Text type="secondary">{t('cockpit.unitsHint')}</Typography.Text>}
              exportPath={exportPath}
              query={query}
            >
              <UnitsTable rows={c.units} lang={lang} onUnit={(unitId) => filters.set({ unitId })} />
            </Tile>
          </Col>
        )}
        {(filters.unitId || filters.groupId) && (
          <Col xs={24} xl={c.units.length ? 12 : 24}>
            <Tile
              tile="overdue_tasks"
              title={t('cockpit.overdueTasks')}
              exportPath={exportPath}
              query={query}
            >
              <OverdueTasksTable
                rows={c.overdueTasks}
                lang={lang}
                taskHref={(id) => withAsOf(`${base}/tasks/${id}`, asOf)}
              />
            </Tile>
          </Col>
        )}
      </Row>
      <p className="cockpit__foot">
        <Link to={withAsOf(`${base}/tasks`, asOf)}>{t('nav.tasks')}</Link>
      </p>
    </div>
  );
}

function ReportingTile(props: {
  rows: Cockpit['reporting'];
  lang: Lang;
  exportPath: string;
  query: Record<string, string | number | undefined>;
}) {
  const { t } = useTranslation();
  const { programme } = useProgrammeContext();
  // The big figure is the latest period that has closed; a period still open shows what is in so far.
  const last = [...props.rows].reverse().find((r) => !r.open && r.expected > 0);
  const open = props.rows.filter((r) => r.open && r.expected > 0);
  const at = (iso: string) => formatDateTime(iso, props.lang, programme.timeZone);
  const now = useClock().data?.now ?? new Date().toISOString();
  return (
    <Tile tile="reporting" title={t('cockpit.reporting')} exportPath={props.exportPath} query={props.query}>
      {last || open.length ? (
        <>
          {last && (
            <>
              <div className="cockpit-figure" data-testid="reporting-rate">
                {last.reportingRate === null ? '—' : `${formatNumber(last.reportingRate, props.lang, 1)}%`}
              </div>
              <Typography.Text type="secondary">
                {t('cockpit.reportingOf', {
                  period: ltr(last.period),
                  received: ltr(String(last.received)),
                  expected: ltr(String(last.expected)),
                  onTime: last.onTime,
                })}
              </Typography.Text>
            </>
          )}
          {open.map((r) => (
            <div key={r.period} data-testid="reporting-open">
              <Typography.Text>
                {t(r.dueAt > now ? 'unitScreens.reportingOpen' : 'unitScreens.reportingLate', {
                  period: ltr(r.period),
                  due: at(r.dueAt),
                  draw: at(r.drawAt),
                  received: ltr(String(r.received)),
                  expected: ltr(String(r.expected)),
                })}
              </Typography.Text>
            </div>
          ))}
          <Suspense fallback={<Skeleton active />}>
            <ReportingChart rows={props.rows.filter((r) => !r.open)} lang={props.lang} />
          </Suspense>
        </>
      ) : (
        <AntEmpty image={AntEmpty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noReporting')} />
      )}
    </Tile>
  );
}
