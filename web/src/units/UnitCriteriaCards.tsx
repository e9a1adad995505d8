import type { CriteriaGlance } from '@shared/schemas/criteria';
import { Card, Col, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withAsOf } from '../app/useAsOf';
import { useCriteriaGlance, useDatasets } from '../criteria/api';
import { ltr } from '../i18n/format';

type Props = { programmeId: number; unitId: number; asOf?: string };

/** One set: the criteria a commune meets, or how many units below meet every criterion. */
function SetCard(props: Props & { g: CriteriaGlance[number] }) {
  const { t } = useTranslation();
  const { g } = props;
  const to = withAsOf(`/p/${props.programmeId}/criteria`, props.asOf, {
    set: String(g.setId),
    ...(g.period ? { period: g.period } : {}),
  });
  const one = g.units === 1;
  const [n, of] = one ? [g.metCells, g.criteria] : [g.allMet, g.units];
  return (
    <Card size="small" title={g.name} extra={<Link to={to}>{t('criteria.nav')}</Link>}>
      {!g.period || g.units === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <>
          <Progress percent={of ? Math.round((n / of) * 100) : 0} format={() => `${n}/${of}`} size="small" />
          <Typography.Text type="secondary">
            {one ? ltr(g.period) : t('cockpit.criteriaAllMet', { count: g.criteria, period: ltr(g.period) })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

/** The criteria sets and the datasets of a unit, on its page. */
export function UnitCriteriaCards(props: Props) {
  const { t } = useTranslation();
  const glance = useCriteriaGlance({
    programmeId: props.programmeId,
    unitId: props.unitId,
    asOf: props.asOf,
  });
  const datasets = useDatasets({
    programmeId: props.programmeId,
    ownerUnitId: props.unitId,
    asOf: props.asOf,
  });
  return (
    <>
      {(glance.data ?? []).map((g) => (
        <Col xs={24} lg={12} key={g.setId} data-testid="unit-criteria">
          <SetCard {...props} g={g} />
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
