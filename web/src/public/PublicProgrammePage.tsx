import { DownloadOutlined } from '@ant-design/icons';
import type { PublicProgramme } from '@shared/schemas/publication';
import { TASK_STATES } from '@shared/vocabulary';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty as AntEmpty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { useAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, formatNumber, ltr, measureText, pickName } from '../i18n/format';
import { STATE_COLORS } from '../ui/StateTag';
import { ErrorNote, PageSpinner } from '../ui/states';
import { PublicFrame } from './PublicFrame';

const ServicesChart = lazy(() =>
  import('../cockpit/CockpitCharts').then((m) => ({ default: m.ServicesChart })),
);

/** A programme's published figures, for anyone, at /public/<slug> (as of a date in the URL). */
export default function PublicProgrammePage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { slug = '' } = useParams();
  const [asOf] = useAsOf();
  const q = useQuery({
    queryKey: ['public', slug, asOf ?? 'today', lang],
    queryFn: ({ signal }) => api<PublicProgramme>(`/public/programmes/${slug}`, { query: { asOf }, signal }),
    retry: false,
  });
  if (q.isPending)
    return (
      <PublicFrame>
        <PageSpinner />
      </PublicFrame>
    );
  if (q.isError)
    return (
      <PublicFrame>
        {(q.error as { status?: number }).status === 404 ? (
          <AntEmpty description={t('publicPage.notFound')} style={{ margin: '64px auto' }} />
        ) : (
          <ErrorNote error={q.error} onRetry={() => void q.refetch()} />
        )}
      </PublicFrame>
    );
  const p = q.data;
  const base = `/api/v1/public/programmes/${p.slug}`;
  const qs = asOf ? `?asOf=${asOf}` : '';
  return (
    <PublicFrame>
      <header className="public__head">
        <div>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="public-title">
            {pickName(p.name, lang)}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="public-as-of">
            {t('common.asOf')} {formatDate(p.asOf, lang)}
          </Typography.Text>
        </div>
        <Space>
          <Typography.Text strong>{t('publicPage.openData')}:</Typography.Text>
          <Button icon={<DownloadOutlined />} href={`${base}/data.csv${qs}`} data-testid="open-data-csv">
            CSV
          </Button>
          <Button icon={<DownloadOutlined />} href={`${base}/data.json${qs}`} data-testid="open-data-json">
            JSON
          </Button>
        </Space>
      </header>
      {p.description && <Typography.Paragraph dir="auto">{p.description}</Typography.Paragraph>}

      {p.taskCounts && (
        <Card title={t('publicPage.tasks')} size="small" className="public__card">
          <Row gutter={[12, 12]}>
            <Col xs={12} sm={8} lg={4}>
              <div className="public__figure-label">{t('overview.total')}</div>
              <div className="public__figure" data-testid="public-total">
                {formatNumber(p.taskCounts.total, lang)}
              </div>
            </Col>
            {TASK_STATES.map((s) => (
              <Col xs={12} sm={8} lg={4} key={s}>
                <div className="public__figure-label">{t(`state.${s}`)}</div>
                <div
                  className="public__figure"
                  style={{ color: STATE_COLORS[s] }}
                  data-testid={`public-state-${s}`}
                >
                  {formatNumber(p.taskCounts!.byState[s], lang)}
                </div>
              </Col>
            ))}
          </Row>
          <Table
            size="small"
            style={{ marginTop: 12 }}
            pagination={false}
            rowKey="level"
            dataSource={p.taskCounts.byLevel}
            columns={[
              { title: t('publicPage.byLevel'), key: 'level', render: (_v, r) => t(`level.${r.level}`) },
              { title: t('overview.total'), dataIndex: 'total', align: 'end' },
              ...TASK_STATES.map((s) => ({
                title: t(`state.${s}`),
                key: s,
                align: 'end' as const,
                render: (_v: unknown, r: NonNullable<PublicProgramme['taskCounts']>['byLevel'][number]) =>
                  r.byState[s],
              })),
            ]}
          />
        </Card>
      )}

      {p.services && (
        <Card
          title={t('publicPage.services')}
          size="small"
          className="public__card"
          extra={
            <Typography.Text type="secondary">
              {t('cockpit.servicesPeriod', {
                from: formatDate(p.services.from, lang),
                to: formatDate(p.services.to, lang),
              })}
            </Typography.Text>
          }
        >
          <Row gutter={[12, 12]}>
            {p.services.totals.map((i) => (
              <Col xs={12} md={8} xl={6} key={i.code}>
                <div className="public__figure-label">
                  {t(`cockpit.service.${i.code.replace('.', '_')}`, { defaultValue: i.code })}
                </div>
                <div className="public__figure" data-testid={`public-service-${i.code}`}>
                  {i.value === null
                    ? t('cockpit.notApplicable')
                    : `${formatNumber(i.value, lang, 2)}${i.code.endsWith('_days') ? '' : '%'}`}
                </div>
              </Col>
            ))}
          </Row>
          <Suspense fallback={<Skeleton active />}>
            <ServicesChart
              months={p.services.months}
              codes={p.services.totals.filter((i) => !i.code.endsWith('_days')).map((i) => i.code)}
              lang={lang}
            />
          </Suspense>
        </Card>
      )}

      {p.indicators.length > 0 && (
        <Card title={t('publicPage.indicators')} size="small" className="public__card">
          <Table
            size="small"
            pagination={false}
            rowKey="code"
            dataSource={p.indicators}
            data-testid="public-indicators"
            columns={[
              { title: t('publicPage.indicator'), dataIndex: 'name' },
              {
                title: t('publicPage.period'),
                dataIndex: 'period',
                width: 110,
                render: (v: string | null) => (v ? ltr(v) : '—'),
              },
              {
                title: t('publicPage.baseline'),
                dataIndex: 'baseline',
                align: 'end',
                render: (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 2)),
              },
              {
                title: t('publicPage.value'),
                dataIndex: 'value',
                align: 'end',
                render: (v: number | null) =>
                  v === null ? '—' : <strong>{formatNumber(v, lang, 2)}</strong>,
              },
              {
                title: t('publicPage.target'),
                dataIndex: 'target',
                align: 'end',
                render: (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 2)),
              },
              {
                title: '',
                dataIndex: 'measure',
                width: 110,
                render: (m: string | null) => measureText(m, lang),
              },
            ]}
          />
        </Card>
      )}

      {p.warningList && (
        <Card
          title={t('publicPage.warningList')}
          size="small"
          className="public__card"
          extra={
            <Typography.Text type="secondary">
              {t('publicPage.warningListOf', {
                period: ltr(p.warningList.period),
                date: formatDateTime(p.warningList.publishedAt, lang, p.timeZone, { zone: 'always' }),
              })}
            </Typography.Text>
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('truthI18n.rank')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="code"
            dataSource={p.warningList.units}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="public-warning-list"
            locale={{ emptyText: t('publicPage.noWarning') }}
            columns={[
              { title: t('cockpit.unit'), dataIndex: 'name' },
              {
                title: '',
                key: 'reasons',
                render: (_v, u) =>
                  u.reasons
                    .map((r) => (
                      <Tag key={r.code} color={r.code === 'overdue_tasks' ? 'error' : 'warning'}>
                        {t(`cockpit.reason.${r.code}`, { count: r.count })}
                      </Tag>
                    ))
                    .concat(
                      u.daysOverdue > 0
                        ? [
                            <Typography.Text type="secondary" key="days">
                              {t('truthI18n.daysOverdue', { count: u.daysOverdue })}
                            </Typography.Text>,
                          ]
                        : [],
                    ),
              },
              {
                title: '',
                dataIndex: 'streak',
                width: 150,
                render: (n: number) => (n > 1 ? t('cockpit.streak', { count: n }) : ''),
              },
            ]}
          />
        </Card>
      )}
    </PublicFrame>
  );
}
