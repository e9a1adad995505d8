import type { KpiTile } from '@shared/schemas/cockpit';
import { Card, Col, Empty as AntEmpty, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, ltr, measureText } from '../i18n/format';
import type { Lang } from '../i18n';
import { Tile } from './Tile';

const Sparkline = lazy(() => import('./CockpitCharts').then((m) => ({ default: m.Sparkline })));

export const STATUS_COLOR = {
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
} as const;
const STROKE = { on_track: '#389e0d', at_risk: '#d48806', off_track: '#cf1322', no_data: '#8c8c8c' } as const;

const num = (v: number | null, lang: Lang) =>
  v === null ? '—' : formatNumber(v, lang, Number.isInteger(v) ? 0 : 2);

/** One tile per key result: value against target, attainment, status and the last periods. */
export function KpiTiles(props: {
  kpis: KpiTile[];
  lang: Lang;
  exportPath: string;
  query: Record<string, string | number | undefined>;
  /** A unit's reader: key results are the programme's, so an empty tile is left out. */
  unitReader?: boolean;
}) {
  const { t } = useTranslation();
  if (props.unitReader && props.kpis.length === 0) return null;
  return (
    <Tile tile="kpis" title={t('cockpit.kpis')} exportPath={props.exportPath} query={props.query}>
      {props.kpis.length === 0 ? (
        <AntEmpty image={AntEmpty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noKpis')} />
      ) : (
        <Row gutter={[12, 12]}>
          {props.kpis.map((k) => (
            <Col xs={24} sm={12} lg={8} xxl={6} key={k.keyResultId}>
              <Card size="small" className="kpi-tile" data-testid="kpi-tile">
                <Typography.Text
                  type="secondary"
                  className="kpi-tile__objective"
                  ellipsis
                  title={k.objective}
                >
                  {k.objective}
                </Typography.Text>
                <div className="kpi-tile__name" title={k.name}>
                  {k.name}
                </div>
                <div className="kpi-tile__value">
                  <span data-testid="kpi-value">{num(k.value, props.lang)}</span>
                  {k.measure && (
                    <span className="kpi-tile__measure"> {measureText(k.measure, props.lang)}</span>
                  )}
                  {k.period && (
                    <Typography.Text type="secondary" className="kpi-tile__period" data-testid="kpi-period">
                      {' '}
                      {t('cockpit.valueOf', { period: ltr(k.period) })}
                    </Typography.Text>
                  )}
                </div>
                <Typography.Text type="secondary" className="kpi-tile__target">
                  {t('cockpit.target', { value: num(k.target, props.lang) })}
                  {k.deadline ? ` · ${formatDate(k.deadline, props.lang)}` : ''} ·{' '}
                  {t('cockpit.baseline', { value: num(k.baseline, props.lang) })}
                </Typography.Text>
                <Progress
                  percent={k.attainment === null ? 0 : Math.max(0, Math.min(100, k.attainment))}
                  strokeColor={STROKE[k.status]}
                  format={() =>
                    k.attainment === null ? '—' : `${formatNumber(k.attainment, props.lang, 0)}%`
                  }
                  size="small"
                  aria-label={t('cockpit.attainment')}
                />
                <div className="kpi-tile__foot">
                  <Tag color={STATUS_COLOR[k.status]} data-testid="kpi-status">
                    {t(`cockpit.status.${k.status}`)}
                  </Tag>
                  <div className="kpi-tile__spark">
                    <Suspense fallback={<Skeleton.Node active style={{ width: 120, height: 40 }} />}>
                      <Sparkline
                        values={k.series.map((s) => s.value)}
                        color={STROKE[k.status]}
                        label={k.name}
                      />
                    </Suspense>
                  </div>
                </div>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Tile>
  );
}
