import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { CapitalPlan, WeeklyTable } from '@shared/schemas/money';
import { displayRate, formatBillions } from '@shared/money';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, toQueryString } from '../api/client';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { SheetImport } from '../ui/SheetImport';
import { ErrorNote, PageSpinner } from '../ui/states';
import { PlanModal } from './forms';

type Rates = {
  can: { manage: boolean };
  totals: {
    allocated: string;
    disbursed: string;
    rate: string | null;
    threshold: { byDay: string; minRatePct: string } | null;
  };
  forecast: (
    | { method: 'pace'; daysElapsed: number; daysInYear: number; projected: string; backlog: string }
    | {
        method: 'seasonal';
        lastYearToDate: string;
        lastYearTotal: string;
        projected: string;
        backlog: string;
      }
    | { method: 'seasonal'; unavailable: 'no_history' }
  )[];
};

/** The disbursement screen: totals and the year-end forecast, the weekly table, the plans, the import. */
export default function MoneyPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const [asOf] = useAsOf();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const q = { programmeId: programme.id, asOf };
  const rates = useQuery({
    queryKey: ['money', 'rates', q],
    queryFn: () => api<Rates>('/money/rates', { query: q }),
  });
  const weekly = useQuery({
    queryKey: ['money', 'weekly', q],
    queryFn: () => api<WeeklyTable>('/money/weekly', { query: q }),
  });
  const plans = useQuery({
    queryKey: ['money', 'plans', q],
    queryFn: () => api<CapitalPlan[]>('/money/plans', { query: q }),
  });
  if (rates.isPending || weekly.isPending) return <PageSpinner />;
  if (rates.error || weekly.error) return <ErrorNote error={rates.error ?? weekly.error} />;
  const b = (v: string) => ltr(formatBillions(v, lang));
  const r = (v: string | null) => ltr(displayRate(v, lang));
  const tot = rates.data.totals;
  const w = weekly.data;
  return (
    <div data-testid="money">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('money.title')}</Typography.Title>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/money/weekly.xlsx${toQueryString(q)}`}
            data-testid="money-weekly-export"
          >
            {t('registerScreens.weeklyExport')}
          </Button>
          {rates.data.can.manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="plan-new"
            >
              {t('registerScreens.plan.new')}
            </Button>
          )}
        </Space>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card>
            <Statistic title={`${t('money.allocated')} (${t('money.billions')})`} value={b(tot.allocated)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card>
            <Statistic title={`${t('money.disbursed')} (${t('money.billions')})`} value={b(tot.disbursed)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card data-testid="money-rate">
            <Statistic title={t('money.rate')} value={r(tot.rate)} />
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Card>
            <Statistic
              title={t('money.threshold')}
              value={
                tot.threshold
                  ? t('money.thresholdValue', {
                      pct: tot.threshold.minRatePct,
                      day: ltr(tot.threshold.byDay),
                    })
                  : t('money.noThreshold')
              }
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('money.forecast')} style={{ marginTop: 16 }} data-testid="money-forecast">
        <Row gutter={16}>
          {rates.data.forecast.map((f) => (
            <Col xs={24} md={12} key={f.method}>
              <Typography.Title level={5}>{t(`money.${f.method}`)}</Typography.Title>
              {'unavailable' in f ? (
                <Typography.Text type="secondary">{t('money.noHistory')}</Typography.Text>
              ) : (
                <Space direction="vertical">
                  <span>
                    {t('money.projected')}: <b>{b(f.projected)}</b> {t('money.billions')}
                  </span>
                  <span data-testid={`money-backlog-${f.method}`}>
                    {t('money.backlog')}: <b>{b(f.backlog)}</b> {t('money.billions')}
                  </span>
                  <Typography.Text type="secondary">
                    {f.method === 'pace'
                      ? t('money.paceHow', { days: f.daysInYear, elapsed: f.daysElapsed })
                      : t('money.seasonalHow', { ly: b(f.lastYearToDate), lyTotal: b(f.lastYearTotal) })}
                  </Typography.Text>
                </Space>
              )}
            </Col>
          ))}
        </Row>
      </Card>
      <Card
        style={{ marginTop: 16 }}
        title={t('money.weekly', { asOf: formatDate(w.asOf, lang), prev: formatDate(w.previousAsOf, lang) })}
      >
        <Table
          rowKey={(x) => x.unit.id}
          size="small"
          pagination={false}
          dataSource={w.rows}
          data-testid="money-weekly"
          columns={[
            { title: t('money.rank'), dataIndex: 'rank', width: 60 },
            { title: t('money.unit'), render: (_, x) => x.unit.name },
            {
              title: `${t('money.allocated')} (${t('money.billions')})`,
              align: 'end',
              render: (_, x) => b(x.allocated),
            },
            {
              title: `${t('money.disbursed')} (${t('money.billions')})`,
              align: 'end',
              render: (_, x) => b(x.disbursed),
            },
            { title: t('money.rate'), align: 'end', render: (_, x) => r(x.rate) },
            {
              title: t('money.change'),
              align: 'end',
              render: (_, x) => (x.change === null ? '—' : ltr(displayRate(x.change, lang).replace('%', ''))),
            },
            {
              title: '',
              render: (_, x) => (x.belowThreshold ? <Tag color="purple">{t('money.below')}</Tag> : null),
            },
          ]}
        />
      </Card>
      <PlansCard
        plans={plans.data ?? []}
        programmeId={programme.id}
        lang={lang}
        asOf={asOf}
        canManage={rates.data.can.manage}
      />
      {creating && (
        <PlanModal
          programmeId={programme.id}
          today={asOf ?? today ?? w.asOf}
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(withAsOf(`/p/${programme.id}/money/plans/${id}`, asOf));
          }}
        />
      )}
    </div>
  );
}

function PlansCard(props: {
  plans: CapitalPlan[];
  programmeId: number;
  lang: Lang;
  asOf: string | undefined;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['money'] });
  return (
    <>
      {props.canManage && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}>
            <SheetImport
              base="/money/plans"
              programmeId={props.programmeId}
              title={t('registerScreens.importPlans')}
              testId="plans-import"
              onImported={refresh}
            />
          </Col>
          <Col xs={24} lg={12}>
            <SheetImport
              base="/money/payments"
              programmeId={props.programmeId}
              title={t('registerScreens.importPayments')}
              testId="payments-import"
              onImported={refresh}
            />
          </Col>
        </Row>
      )}
      <Card style={{ marginTop: 16 }} title={t('money.plans')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={props.plans}
          locale={{ emptyText: t('money.empty') }}
          data-testid="money-plans"
          columns={[
            {
              title: t('money.code'),
              render: (_, p) => (
                <Link
                  to={withAsOf(`/p/${props.programmeId}/money/plans/${p.id}`, props.asOf)}
                  data-testid={`plan-${p.code}`}
                >
                  {ltr(p.code)}
                </Link>
              ),
            },
            { title: t('money.unit'), render: (_, p) => p.unit.name },
            {
              title: t('money.taskOrProject'),
              render: (_, p) => (p.task ? `${p.task.code} ${p.task.title}` : p.project),
            },
            { title: t('money.source'), render: (_, p) => t(`money.sources.${p.source}`) },
            { title: t('money.year'), dataIndex: 'year' },
            {
              title: `${t('money.allocated')} (${t('money.billions')})`,
              align: 'end',
              render: (_, p) => ltr(formatBillions(p.allocated, props.lang)),
            },
            {
              title: `${t('money.disbursed')} (${t('money.billions')})`,
              align: 'end',
              render: (_, p) => ltr(formatBillions(p.disbursed, props.lang)),
            },
            { title: t('money.rate'), align: 'end', render: (_, p) => ltr(displayRate(p.rate, props.lang)) },
          ]}
        />
      </Card>
    </>
  );
}
