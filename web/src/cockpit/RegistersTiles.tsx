import type { CockpitRegisters } from '@shared/schemas/cockpit';
import { displayRate, formatBillions } from '@shared/money';
import { OBSTACLE_STATUSES, RECOMMENDATION_STATES } from '@shared/registers';
import { TASK_STATES } from '@shared/task-state';
import { Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lang } from '../i18n';
import { formatDate, formatNumber, ltr } from '../i18n/format';
import { STATE_COLORS } from '../ui/StateTag';
import { Tile } from './Tile';

type Props = {
  registers: CockpitRegisters;
  programmeId: number;
  lang: Lang;
  exportPath: string;
  query: Record<string, string | number | undefined>;
};

/** Money, obstacles, recommendations and pilot models at a glance, each opening its register. */
export function RegistersTiles(props: Props) {
  const { t } = useTranslation();
  const { money, obstacles, recommendations, pilots, criteria, catalogue } = props.registers;
  const tileProps = { exportPath: props.exportPath, query: props.query };
  const base = `/p/${props.programmeId}`;
  const n = (v: number) => formatNumber(v, props.lang);
  const cells = [
    money && (
      <Tile tile="money" title={<Link to={`${base}/money`}>{t('money.title')}</Link>} {...tileProps}>
        {Number(money.allocated) === 0 && Number(money.disbursed) === 0 ? (
          // Nothing allocated in the scope: say so rather than "— 0,00 / 0,00".
          <Typography.Text type="secondary" data-testid="cockpit-money-none">
            {t('unitScreens.noMoney', { year: money.year })}
          </Typography.Text>
        ) : (
          <>
            <div className="kpi-tile__value" data-testid="cockpit-disbursement-rate">
              {displayRate(money.rate, props.lang)}
            </div>
            <Typography.Text type="secondary">
              {t('cockpit.disbursedOf', {
                disbursed: formatBillions(money.disbursed, props.lang),
                allocated: formatBillions(money.allocated, props.lang),
              })}
            </Typography.Text>
            <Progress
              percent={money.rate === null ? 0 : Math.min(100, Number(money.rate))}
              success={
                money.threshold ? { percent: Math.min(100, Number(money.threshold.minRatePct)) } : undefined
              }
              status={
                money.threshold &&
                money.rate !== null &&
                Number(money.rate) < Number(money.threshold.minRatePct)
                  ? 'exception'
                  : 'normal'
              }
              showInfo={false}
              size="small"
            />
            {money.threshold && (
              <Typography.Text type="secondary">
                {t('cockpit.thresholdBy', {
                  rate: displayRate(money.threshold.minRatePct, props.lang),
                  date: formatDate(`${money.year}-${money.threshold.byDay}`, props.lang),
                })}
              </Typography.Text>
            )}
          </>
        )}
      </Tile>
    ),
    obstacles && (
      <Tile
        tile="obstacles"
        title={<Link to={`${base}/obstacles`}>{t('obstacles.title')}</Link>}
        {...tileProps}
      >
        <Space wrap size={[4, 4]}>
          {OBSTACLE_STATUSES.map((s) => (
            <Tag key={s} data-testid={`cockpit-obstacles-${s}`}>
              {t(`obstacles.status.${s}`)}: {n(obstacles.byStatus[s] ?? 0)}
            </Tag>
          ))}
        </Space>
        <div className="cockpit-registers__line">
          <Typography.Text type={obstacles.overdueCount ? 'danger' : 'secondary'}>
            {t('cockpit.obstaclesOverdue', { count: obstacles.overdueCount })}
          </Typography.Text>
        </div>
        <ul className="cockpit-registers__list">
          {obstacles.overdue.map((o) => (
            <li key={o.id}>
              <Link to={`${base}/obstacles?id=${o.id}`}>{o.title}</Link>{' '}
              <Typography.Text type="secondary">
                · {o.owner.name} · {t('cockpit.daysLate', { count: o.daysOverdue })}
              </Typography.Text>
            </li>
          ))}
        </ul>
      </Tile>
    ),
    recommendations && (
      <Tile
        tile="recommendations"
        title={<Link to={`${base}/recommendations`}>{t('recommendations.title')}</Link>}
        {...tileProps}
      >
        <Space wrap size={[4, 4]}>
          {RECOMMENDATION_STATES.map((s) => (
            <Tag key={s} color={s === 'overdue' || s === 'answered_late' ? 'red' : undefined}>
              {t(`recommendations.state.${s}`)}: {n(recommendations.byState[s] ?? 0)}
            </Tag>
          ))}
        </Space>
        <ul className="cockpit-registers__list">
          {recommendations.agencies.map((a) => (
            <li key={a.agency.id}>
              {a.agency.name}{' '}
              <Typography.Text type="danger">{t('cockpit.lateAnswers', { count: a.late })}</Typography.Text>
            </li>
          ))}
        </ul>
      </Tile>
    ),
    pilots && (
      <Tile tile="pilots" title={<Link to={`${base}/pilots`}>{t('pilots.title')}</Link>} {...tileProps}>
        <div className="kpi-tile__value">{n(pilots.total)}</div>
        <Space wrap size={[4, 4]}>
          {TASK_STATES.filter((s) => pilots.byState[s] > 0).map((s) => (
            <Tag key={s} color={STATE_COLORS[s]}>
              {t(`state.${s}`)}: {n(pilots.byState[s])}
            </Tag>
          ))}
        </Space>
        {pilots.accelerate > 0 && (
          <div className="cockpit-registers__line">
            <Typography.Text type="warning">
              {t('pilots.accelerate', { count: pilots.accelerate })}
            </Typography.Text>
          </div>
        )}
      </Tile>
    ),
    criteria.length > 0 && (
      <Tile tile="criteria" title={<Link to={`${base}/criteria`}>{t('criteria.nav')}</Link>} {...tileProps}>
        {criteria.map((c) => (
          <div key={c.setId} className="cockpit-registers__line" data-testid="cockpit-criteria-set">
            <Typography.Text strong>{c.name}</Typography.Text>
            <Progress
              percent={c.units ? Math.round((c.allMet / c.units) * 100) : 0}
              format={() => `${n(c.allMet)}/${n(c.units)}`}
              size="small"
            />
            <Typography.Text type="secondary">
              {t('cockpit.criteriaAllMet', { count: c.criteria, period: ltr(c.period ?? '') })}
            </Typography.Text>
          </div>
        ))}
      </Tile>
    ),
    catalogue && (
      <Tile
        tile="catalogue"
        title={<Link to={`${base}/catalogue`}>{t('catalogue.nav')}</Link>}
        {...tileProps}
      >
        <div className="kpi-tile__value" data-testid="cockpit-catalogue-published">
          {n(catalogue.published)}/{n(catalogue.total)}
        </div>
        <Typography.Text type="secondary">{t('cockpit.datasetsPublished')}</Typography.Text>
        <div className="cockpit-registers__line">
          <Typography.Text type={catalogue.notPublished ? 'danger' : 'secondary'}>
            {t('cockpit.unitsNotPublished', { count: catalogue.notPublished })}
          </Typography.Text>
        </div>
        {catalogue.deadline && (
          <div className="cockpit-registers__line">
            <Tag
              color={catalogue.deadline.completedOn ? 'green' : catalogue.deadline.overdue ? 'red' : 'blue'}
            >
              {t('cockpit.catalogueDeadline', { date: formatDate(catalogue.deadline.deadline, props.lang) })}
            </Tag>
          </div>
        )}
      </Tile>
    ),
  ].filter(Boolean);
  if (!cells.length) return null;
  return (
    <Row gutter={[12, 12]} className="cockpit__row" data-testid="cockpit-registers">
      {cells.map((c, i) => (
        <Col xs={24} md={12} xl={cells.length > 4 ? 8 : 24 / cells.length} key={i}>
          {c}
        </Col>
      ))}
    </Row>
  );
}
