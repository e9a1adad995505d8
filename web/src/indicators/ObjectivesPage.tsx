import type { KeyResultView } from '@shared/schemas/indicators';
import { Button, Card, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatNumber, ltr, measureText } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { Empty, ErrorNote, PageSpinner } from '../ui/states';
import { useOkrs } from './api';
import { Sparkline } from './Sparkline';
import './indicators.css';

const STATUS_COLOR: Record<KeyResultView['status'], string> = {
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
  no_data: 'default',
};

/** Objectives with their key results: figure, target, attainment bar, status and trend, as of the chosen date. */
export default function ObjectivesPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const q = useOkrs(programme.id, asOf);

  if (q.isPending) return <PageSpinner />;
  if (q.isError) return <ErrorNote error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const num = (v: number | null, measure?: string) =>
    v === null
      ? '—'
      : // The figure kept left-to-right, its measure in the reader's words after it (in Arabic, to its left).
        `${ltr(formatNumber(v, lang, Math.abs(v) >= 100 ? 0 : 2))}${measure ? ` ${measureText(measure, lang)}` : ''}`;

  const columns = [
    {
      title: t('indicators.keyResult'),
      key: 'name',
      render: (_: unknown, k: KeyResultView) => (
        <div>
          <Typography.Text strong>{k.indicator.name}</Typography.Text>
          <div className="okr__sub">
            {ltr(k.indicator.code)} · {k.unit.name}
            {k.indicator.source === 'computed' && <Tag className="okr__tag">{t('indicators.computed')}</Tag>}
          </div>
          {k.tasks.length > 0 && (
            <div className="okr__sub">
              {t('indicators.linkedTasks')}:{' '}
              {k.tasks.map((task, i) => (
                <span key={task.id}>
                  {i > 0 && ', '}
                  <Link to={withAsOf(`/p/${programme.id}/tasks/${task.id}`, asOf)} title={task.title}>
                    {ltr(task.code)}
                  </Link>
                </span>
              ))}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('indicators.current'),
      key: 'current',
      width: 170,
      render: (_: unknown, k: KeyResultView) =>
        !k.visible ? (
          <Tooltip title={t('indicators.restricted')}>
            <span>—</span>
          </Tooltip>
        ) : (
          <div data-testid="kr-current">
            <Typography.Text strong>{num(k.current.value, k.indicator.measure)}</Typography.Text>
            <div className="okr__sub">
              {k.current.period && ltr(k.current.period)}
              {k.current.expected !== null &&
                ` · ${t('indicators.reported', { n: k.current.reported ?? 0, m: k.current.expected })}`}
            </div>
          </div>
        ),
    },
    {
      title: t('indicators.target'),
      key: 'target',
      width: 170,
      render: (_: unknown, k: KeyResultView) => (
        <div>
          <div>
            {num(k.target, k.indicator.measure)} · {formatDate(k.deadline, lang)}
          </div>
          <div className="okr__sub">
            {t('indicators.baseline')}: {num(k.baseline)}
            {k.yearTarget !== null && ` · ${t('indicators.yearTarget')}: ${num(k.yearTarget)}`}
          </div>
        </div>
      ),
    },
    {
      title: t('indicators.attainment'),
      key: 'attainment',
      width: 200,
      render: (_: unknown, k: KeyResultView) => (
        <div>
          <Progress
            percent={k.attainment === null ? 0 : Math.min(100, Math.round(k.attainment * 100))}
            format={() =>
              k.attainment === null ? '—' : ltr(`${formatNumber(k.attainment * 100, lang, 0)}%`)
            }
            size="small"
            status={k.status === 'off_track' ? 'exception' : k.status === 'on_track' ? 'success' : 'normal'}
            aria-label={t('indicators.attainment')}
          />
          <div className="okr__sub">
            {t('indicators.elapsed', { p: formatNumber(k.elapsed * 100, lang, 0) })}
          </div>
        </div>
      ),
    },
    {
      title: t('indicators.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, k: KeyResultView) => (
        <Tag color={STATUS_COLOR[k.status]} data-testid={`kr-status-${k.indicator.code}`}>
          {t(`indicators.statusLabel.${k.status}`)}
        </Tag>
      ),
    },
    {
      title: t('indicators.trend'),
      key: 'trend',
      width: 140,
      render: (_: unknown, k: KeyResultView) => (
        <Sparkline
          values={k.series.map((s) => s.value)}
          label={`${t('indicators.trend')}: ${k.series.map((s) => `${s.period} ${s.value === null ? '—' : formatNumber(s.value, lang, 2)}`).join(', ')}`}
        />
      ),
    },
  ];

  return (
    <div data-testid="okrs">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('indicators.title')}
        </Typography.Title>
        <Link to={withAsOf(`/p/${programme.id}/kpi-entry`, undefined)}>
          <Button type="primary" data-testid="kpi-entry-link">
            {t('indicators.enter')}
          </Button>
        </Link>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('indicators.asOf', { date: formatDate(data.asOf, lang) })} · {t('indicators.rule')}
      </Typography.Paragraph>
      {data.objectives.length === 0 && <Empty text={t('indicators.noObjectives')} />}
      {data.objectives.map((o) => (
        <Card
          key={o.id}
          size="small"
          className="okr__card"
          title={
            <span>
              {o.group && <Tag color="blue">{o.group.name}</Tag>}
              {o.title}
            </span>
          }
          data-testid={`objective-${o.code}`}
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            columns={columns}
            dataSource={o.keyResults}
            scroll={{ x: 900 }}
          />
        </Card>
      ))}
    </div>
  );
}
