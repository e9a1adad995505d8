import type { StateCounts } from '@shared/schemas/tasks';
import { TASK_STATES, type TaskState } from '@shared/vocabulary';
import { Card, Col, Progress, Row, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSummary } from '../api/queries';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatNumber, pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { STATE_COLORS } from '../ui/StateTag';
import { Empty, ErrorNote, PageSpinner } from '../ui/states';
import './overview.css';

const OverdueByUnitChart = lazy(() => import('./OverdueByUnitChart'));

/** The steering view: how many tasks are in each state as of a date, where they are stuck and who leads them. */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const navigate = useNavigate();
  const summary = useSummary(programme.id, asOf);
  const base = `/p/${programme.id}`;
  const openTasks = (extra: Record<string, string>) => navigate(withAsOf(`${base}/tasks`, asOf, extra));

  if (summary.isPending) return <PageSpinner />;
  if (summary.isError) return <ErrorNote error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const done = s.byState.done_on_time + s.byState.done_late;
  const groupName = (id: number | null) => {
    const g = programme.groups.find((x) => x.id === id);
    return g ? pickName(g.name, lang) : t('overview.noGroup');
  };

  return (
    <div className="overview" style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}>
      <header className="overview__head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {pickName(programme.name, lang)}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="overview-as-of">
          {t('common.asOf')} {formatDate(s.asOf, lang)}
        </Typography.Text>
      </header>

      <Row gutter={[12, 12]}>
        <Col xs={12} sm={8} lg={4}>
          <Card
            className="state-card"
            data-testid="summary-card-total"
            onClick={() => openTasks({})}
            hoverable
          >
            <div className="state-card__label">{t('overview.total')}</div>
            <div className="state-card__value" data-testid="summary-card-value">
              {formatNumber(s.total, lang)}
            </div>
            <Progress
              percent={s.total ? Math.round((done / s.total) * 100) : 0}
              size="small"
              strokeColor={STATE_COLORS.done_on_time}
              format={(p) => `${p}% ${t('overview.done').toLowerCase()}`}
            />
          </Card>
        </Col>
        {TASK_STATES.map((state) => (
          <Col xs={12} sm={8} lg={4} key={state}>
            <StateCard
              state={state}
              count={s.byState[state]}
              total={s.total}
              lang={lang}
              onOpen={() => openTasks({ state })}
            />
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={12}>
          <Card title={t('overview.overdueByUnit')} size="small">
            {s.overdueByUnit.length === 0 ? (
              <Empty text={t('overview.noOverdue')} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <OverdueByUnitChart
                  rows={s.overdueByUnit}
                  rtl={lang === 'ar'}
                  onUnit={(unitId) =>
                    openTasks({ state: 'overdue', unitId: String(unitId), unitRole: 'lead' })
                  }
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('overview.byLevel')} size="small" style={{ marginBottom: 12 }}>
            <CountsTable
              rows={s.byLevel.map((r) => ({
                key: r.level,
                label: t(`level.${r.level}`),
                total: r.total,
                byState: r.byState,
              }))}
              lang={lang}
              onOpen={(key, state) => openTasks({ level: key, ...(state ? { state } : {}) })}
              testId="by-level-table"
            />
          </Card>
          {s.byGroup.length > 0 && (
            <Card title={t('overview.byGroup')} size="small">
              <CountsTable
                rows={s.byGroup.map((r) => ({
                  key: String(r.groupId ?? ''),
                  label: groupName(r.groupId),
                  total: r.total,
                  byState: r.byState,
                }))}
                lang={lang}
                onOpen={(key, state) =>
                  openTasks({ ...(key ? { groupId: key } : {}), ...(state ? { state } : {}) })
                }
                testId="by-group-table"
              />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}

function StateCard(props: {
  state: TaskState;
  count: number;
  total: number;
  lang: Lang;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const share = props.total ? (props.count / props.total) * 100 : 0;
  return (
    <Card
      className="state-card"
      hoverable
      onClick={props.onOpen}
      data-testid={`summary-card-${props.state}`}
      style={{ borderTop: `3px solid ${STATE_COLORS[props.state]}` }}
    >
      <div className="state-card__label">{t(`state.${props.state}`)}</div>
      <div
        className="state-card__value"
        style={{ color: STATE_COLORS[props.state] }}
        data-testid="summary-card-value"
      >
        {formatNumber(props.count, props.lang)}
      </div>
      <div className="state-card__share">{formatNumber(share, props.lang, 1)}%</div>
    </Card>
  );
}

type CountsRow = { key: string; label: string; total: number; byState: StateCounts };

function CountsTable(props: {
  rows: CountsRow[];
  lang: Lang;
  onOpen: (key: string, state?: TaskState) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const cell = (key: string, n: number, state?: TaskState) =>
    n === 0 ? (
      <span className="counts__zero">0</span>
    ) : (
      <a onClick={() => props.onOpen(key, state)} style={state ? { color: STATE_COLORS[state] } : undefined}>
        {formatNumber(n, props.lang)}
      </a>
    );
  return (
    <Table<CountsRow>
      data-testid={props.testId}
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={props.rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '', dataIndex: 'label', fixed: 'start' },
        { title: t('common.total'), align: 'end', render: (_, r) => cell(r.key, r.total) },
        ...TASK_STATES.map((state) => ({
          title: <span title={t(`state.${state}`)}>{t(`stateShort.${state}`)}</span>,
          align: 'end' as const,
          render: (_: unknown, r: CountsRow) => cell(r.key, r.byState[state], state),
        })),
      ]}
    />
  );
}
