import type { CockpitServices } from '@shared/schemas/cockpit';
import { Card, Col, Row, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../i18n/format';
import type { Lang } from '../i18n';
import { Tile } from './Tile';

const ServicesChart = lazy(() => import('./CockpitCharts').then((m) => ({ default: m.ServicesChart })));

const RATE_CODES = [
  'records.online_application_rate',
  'records.sync_rate',
  'records.digitisation_rate',
  'records.electronic_result_rate',
  'records.online_payment_rate',
  'records.on_time_rate',
];
const key = (code: string) => `cockpit.service.${code.replace('.', '_')}`;

/** Public-service indicators computed from the records: totals, month trend, units ranked. */
export function ServicesPanel(props: {
  services: CockpitServices;
  lang: Lang;
  exportPath: string;
  query: Record<string, string | number | undefined>;
  onUnit: (unitId: number) => void;
}) {
  const { t } = useTranslation();
  const s = props.services;
  const value = (list: CockpitServices['totals'], code: string) =>
    list.find((i) => i.code === code)?.value ?? null;
  const show = (v: number | null, code: string) =>
    v === null
      ? t('cockpit.notApplicable')
      : code.endsWith('_days')
        ? formatNumber(v, props.lang, 2)
        : `${formatNumber(v, props.lang, 2)}%`;
  const codes = s.totals.map((i) => i.code);
  return (
    <Tile
      tile="services"
      title={t('cockpit.services')}
      extra={
        <Typography.Text type="secondary">
          {t('cockpit.servicesPeriod', {
            from: formatDate(s.from, props.lang),
            to: formatDate(s.to, props.lang),
          })}
        </Typography.Text>
      }
      exportPath={props.exportPath}
      query={props.query}
    >
      <Row gutter={[12, 12]}>
        {codes.map((code) => (
          <Col xs={12} md={8} xl={24 / Math.min(codes.length, 7) > 3 ? 4 : 3} key={code}>
            <Card size="small" className="service-tile" data-testid={`service-${code}`}>
              <div className="service-tile__label">{t(key(code), { defaultValue: code })}</div>
              <div className="service-tile__value">{show(value(s.totals, code), code)}</div>
              <Typography.Text type="secondary" className="service-tile__ratio">
                {(() => {
                  const i = s.totals.find((x) => x.code === code)!;
                  return i.numerator !== null && i.denominator !== null && !code.endsWith('_days')
                    ? `${formatNumber(i.numerator, props.lang)} / ${formatNumber(i.denominator, props.lang)}`
                    : '';
                })()}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={14}>
          <Suspense fallback={<Skeleton active />}>
            <ServicesChart
              months={s.months}
              codes={RATE_CODES.filter((c) => codes.includes(c))}
              lang={props.lang}
            />
          </Suspense>
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Title level={5}>{t('cockpit.ranking')}</Typography.Title>
          <Table
            size="small"
            rowKey="unitId"
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            dataSource={[...s.ranking].sort(
              (a, b) =>
                (value(b.indicators, RATE_CODES[0]!) ?? -1) - (value(a.indicators, RATE_CODES[0]!) ?? -1),
            )}
            onRow={(r) => ({ onClick: () => props.onUnit(r.unitId), style: { cursor: 'pointer' } })}
            data-testid="services-ranking"
            columns={[
              { title: '#', key: 'rank', width: 44, render: (_v, _r, i) => i + 1 },
              { title: t('cockpit.unit'), dataIndex: 'name', ellipsis: true },
              ...RATE_CODES.slice(0, 3).map((code) => ({
                title: t(key(code), { defaultValue: code }),
                key: code,
                align: 'end' as const,
                render: (_: unknown, r: CockpitServices['ranking'][number]) =>
                  show(value(r.indicators, code), code),
              })),
            ]}
          />
        </Col>
      </Row>
    </Tile>
  );
}
