import { periodStart } from '@shared/criteria';
import type { CriteriaSet } from '@shared/schemas/criteria';
import { Card, Col, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withAsOf } from '../app/useAsOf';
import { useCriteriaSets, useDatasets, useMatrix } from '../criteria/api';
import { ltr } from '../i18n/format';

type Props = { programmeId: number; unitId: number; asOf?: string; today: string };

/** One set: the unit's latest period begun, how many units (it, and those below) meet every criterion. */
function SetCard(props: Props & { set: CriteriaSet }) {
  const { t } = useTranslation();
  const day = props.asOf ?? props.today;
  const period = props.set.periods.filter((k) => periodStart(k) <= day).at(-1);
  const m = useMatrix(period ? props.set.id : undefined, { period, parentUnitId: props.unitId });
  const to = withAsOf(`/p/${props.programmeId}/criteria`, props.asOf, {
    set: String(props.set.id),
    ...(period ? { period } : {}),
  });
  return (
    <Card size="small" title={props.set.name} extra={<Link to={to}>{t('criteria.nav')}</Link>}>
      {!period || !m.data ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : m.data.total === 1 ? (
        <>
          <Progress
            percent={Math.round((m.data.rows[0]!.metCount / m.data.criteria.length) * 100)}
            format={() => `${m.data.rows[0]!.metCount}/${m.data.criteria.length}`}
            size="small"
          />
          <Typography.Text type="secondary">{ltr(period)}</Typography.Text>
        </>
      ) : (
        <>
          <Progress
            percent={m.data.total ? Math.round((m.data.allMet / m.data.total) * 100) : 0}
            format={() => `${m.data.allMet}/${m.data.total}`}
            size="small"
          />
          <Typography.Text type="secondary">
            {t('cockpit.criteriaAllMet', { count: m.data.criteria.length, period: ltr(period) })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

/** The criteria sets and the datasets of a unit, on its page. */
export function UnitCriteriaCards(props: Props) {
  const { t } = useTranslation();
  const sets = useCriteriaSets(props.programmeId);
  const datasets = useDatasets({
    programmeId: props.programmeId,
    ownerUnitId: props.unitId,
    asOf: props.asOf,
  });
  return (
    <>
      {(sets.data ?? []).map((s) => (
        <Col xs={24} lg={12} key={s.id} data-testid="unit-criteria">
          <SetCard {...props} set={s} />
        </Col>
      ))}
      {(datasets.data?.length ?? 0) > 0 && (
        <Col xs={24} lg={12} data-testid="unit-datasets">
          <Card
            size="small"
            title={t('catalogue.nav')}
            extra={
              <Link to={withAsOf(`/p/${props.programmeId}/catalogue`, props.asOf)}>{t('catalogue.nav')}</Link>
            }
          >
            <List
              size="small"
              dataSource={datasets.data}
              renderItem={(d) => (
                <List.Item>
                  {d.name}{' '}
                  <Tag color={d.published ? 'green' : 'default'}>
                    {d.published ? t('cockpit.datasetsPublished') : '—'}
                  </Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      )}
    </>
  );
}
