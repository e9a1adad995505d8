import { displayRate, formatBillions } from '@shared/money';
import { OBSTACLE_STATUSES, RECOMMENDATION_STATES } from '@shared/registers';
import type { UnitRegisters } from '@shared/schemas/unit-registers';
import { TASK_STATES } from '@shared/task-state';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useUnit } from '../api/queries';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { useUnitReader } from '../app/useUnitReader';
import { isLang, type Lang } from '../i18n';
import { formatDate, ltr, pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { UnitCriteriaCards } from './UnitCriteriaCards';

const OBSTACLE_COLOR: Record<string, string> = {
  open: 'red',
  in_progress: 'blue',
  escalated: 'magenta',
  resolved: 'green',
};
const REC_COLOR: Record<string, string> = {
  pending: 'blue',
  overdue: 'red',
  answered_on_time: 'green',
  answered_late: 'orange',
};

/**
 * A unit's page: its capital plans and disbursement rate, the obstacles it raised or owns, the
 * recommendations it sent or has to answer, its pilot models — the unit and those below it, as of
 * the date, in one request.
 */
export default function UnitPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { unitId } = useParams();
  const [asOf] = useAsOf();
  const id = Number(unitId);
  const unit = useUnit(id);
  const unitReader = useUnitReader(programme.id);
  const q = useQuery({
    queryKey: ['unit-registers', id, programme.id, asOf],
    queryFn: ({ signal }) =>
      api<UnitRegisters>(`/units/${id}/registers`, { query: { programmeId: programme.id, asOf }, signal }),
  });
  if (q.isPending) return <PageSpinner />;
  if (q.error) return <ErrorNote error={q.error} />;
  const r = q.data;
  const base = `/p/${programme.id}`;
  const to = (path: string, extra?: Record<string, string>) => withAsOf(`${base}${path}`, asOf, extra);
  const count = (
    c: Record<string, number>,
    list: readonly string[],
    prefix: string,
    colors: Record<string, string>,
  ) =>
    list.some((k) => c[k])
      ? list
          .filter((k) => c[k])
          .map((k) => (
            <Tag key={k} color={colors[k]}>
              {t(`${prefix}.${k}`)}: {c[k]}
            </Tag>
          ))
      : '—';
  const m = r.money;
  const ancestors = unit.data?.ancestors ?? [];
  const mineAt = unitReader ? ancestors.findIndex((a) => a.id === unitReader.unitId) : -1;
  return (
    <div data-testid="unit-page">
      <Breadcrumb
        items={[
          { title: <Link to={to('/units')}>{t('units.title')}</Link> },
          ...ancestors.map((a, i) => ({
            // A unit's readers open their own unit and below; the units above show as names.
            title:
              unitReader && (mineAt < 0 || i < mineAt) ? (
                pickName(a.name, lang)
              ) : (
                <Link to={to(`/units/${a.id}`)}>{pickName(a.name, lang)}</Link>
              ),
          })),
        ]}
      />
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>
          {r.unit.name} <Typography.Text type="secondary">{ltr(r.unit.code)}</Typography.Text>
        </Typography.Title>
        <Link to={to('/tasks', { unitId: String(id) })}>{t('units.viewTasks')}</Link>
      </Space>
      <Typography.Paragraph type="secondary">
        {t('registerScreens.unit.asOf', { date: formatDate(r.asOf, lang) })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('registerScreens.unit.money', { year: m.year })}
            extra={<Link to={to('/money')}>{t('money.nav')}</Link>}
            data-testid="unit-money"
          >
            <Space size="large" wrap>
              <Statistic
                title={`${t('money.allocated')} (${t('money.billions')})`}
                value={ltr(formatBillions(m.allocated, lang))}
              />
              <Statistic
                title={`${t('money.disbursed')} (${t('money.billions')})`}
                value={ltr(formatBillions(m.disbursed, lang))}
              />
              <Statistic title={t('money.rate')} value={ltr(displayRate(m.rate, lang))} />
            </Space>
            <div style={{ marginTop: 8 }}>
              <Tag>{t('registerScreens.unit.plans', { count: m.plans })}</Tag>
              {m.threshold && (
                <Tag color={m.belowThreshold ? 'purple' : 'green'} data-testid="unit-threshold">
                  {m.belowThreshold ? t('money.below') : t('registerScreens.unit.aboveThreshold')} ·{' '}
                  {t('money.thresholdValue', { pct: m.threshold.minRatePct, day: ltr(m.threshold.byDay) })}
                </Tag>
              )}
            </div>
            <List
              size="small"
              dataSource={m.top}
              locale={{ emptyText: t('money.empty') }}
              renderItem={(p) => (
                <List.Item extra={ltr(displayRate(p.rate, lang))}>
                  <Link to={to(`/money/plans/${p.id}`)}>{ltr(p.code)}</Link>
                  <span style={{ marginInlineStart: 8 }}>
                    {ltr(formatBillions(p.disbursed, lang))} / {ltr(formatBillions(p.allocated, lang))}{' '}
                    {t('money.billions')}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('registerScreens.unit.obstacles', { count: r.obstacles.open })}
            extra={<Link to={to('/obstacles')}>{t('obstacles.nav')}</Link>}
            data-testid="unit-obstacles"
          >
            <Space wrap>
              {count(r.obstacles.byStatus, OBSTACLE_STATUSES, 'obstacles.status', OBSTACLE_COLOR)}
              {r.obstacles.overdue > 0 && (
                <Tag color="red">{t('obstacles.overdue', { count: r.obstacles.overdue })}</Tag>
              )}
            </Space>
            <List
              size="small"
              dataSource={r.obstacles.list}
              locale={{ emptyText: t('registerScreens.unit.noneOpen') }}
              renderItem={(o) => (
                <List.Item
                  extra={<Tag color={OBSTACLE_COLOR[o.status]}>{t(`obstacles.status.${o.status}`)}</Tag>}
                >
                  <Space direction="vertical" size={0}>
                    <Link to={to(`/obstacles/${o.id}`)}>{o.title}</Link>
                    <Typography.Text type={o.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                      {t(`obstacles.category.${o.category}`)} · {o.owner.name} · {formatDate(o.dueOn, lang)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('recommendations.title')}
            extra={<Link to={to('/recommendations')}>{t('recommendations.nav')}</Link>}
            data-testid="unit-recommendations"
          >
            <div>
              <Typography.Text strong>{t('registerScreens.unit.sent')}: </Typography.Text>
              {count(r.recommendations.sent, RECOMMENDATION_STATES, 'recommendations.state', REC_COLOR)}
            </div>
            <div style={{ marginTop: 4 }}>
              <Typography.Text strong>{t('registerScreens.unit.toAnswer')}: </Typography.Text>
              {count(r.recommendations.toAnswer, RECOMMENDATION_STATES, 'recommendations.state', REC_COLOR)}
            </div>
            <List
              size="small"
              dataSource={r.recommendations.list}
              locale={{ emptyText: t('registerScreens.unit.noneOpen') }}
              renderItem={(x) => (
                <List.Item
                  extra={<Tag color={REC_COLOR[x.state]}>{t(`recommendations.state.${x.state}`)}</Tag>}
                >
                  <Space direction="vertical" size={0}>
                    <Link to={to(`/recommendations/${x.id}`)}>
                      <Typography.Text ellipsis style={{ maxWidth: 360 }}>
                        {x.content}
                      </Typography.Text>
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {x.direction === 'sent' ? '→' : '←'} {x.other.name} · {formatDate(x.answerDueOn, lang)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('registerScreens.unit.pilots', { count: r.pilots.total })}
            extra={<Link to={to('/pilots')}>{t('pilots.nav')}</Link>}
            data-testid="unit-pilots"
          >
            <Space wrap>
              {TASK_STATES.filter((s) => r.pilots.byState[s]).map((s) => (
                <Link key={s} to={to('/tasks', { unitId: String(id), kind: 'pilot', state: s })}>
                  <Tag>
                    {t(`state.${s}`)}: {r.pilots.byState[s]}
                  </Tag>
                </Link>
              ))}
              {r.pilots.total === 0 && <Typography.Text type="secondary">—</Typography.Text>}
            </Space>
          </Card>
        </Col>
        <UnitCriteriaCards programmeId={programme.id} unitId={id} asOf={asOf} />
      </Row>
    </div>
  );
}
