import type { CapitalPlan, ImportResult, WeeklyTable } from '@shared/schemas/money';
import { displayRate, formatBillions } from '@shared/money';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { useAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';

type Rates = {
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
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
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
      <Typography.Title level={3}>{t('money.title')}</Typography.Title>
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
      <PlansCard plans={plans.data ?? []} programmeId={programme.id} lang={lang} />
    </div>
  );
}

function PlansCard(props: { plans: CapitalPlan[]; programmeId: number; lang: Lang }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const send = async (path: string, f: File) => {
    const res = await fetch(`/api/v1/money/payments/${path}`, {
      method: 'POST',
      headers: {
        'x-steerboard-csrf': '1',
        'content-type': f.type || 'application/octet-stream',
        'accept-language': props.lang,
      },
      body: f,
      credentials: 'same-origin',
    });
    const data = (await res.json()) as ImportResult | { error: { code: string; message: string } };
    if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message);
    return data;
  };
  const run = async (path: string, f: File) => {
    try {
      const out = await send(path, f);
      setResult(out);
      if (out.committed) {
        void message.success(t('money.imported', { count: out.written }));
        await qc.invalidateQueries({ queryKey: ['money'] });
      }
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const canEdit = props.plans.some((p) => p.can.edit);
  return (
    <Card
      style={{ marginTop: 16 }}
      title={t('money.plans')}
      extra={
        <a
          href={`/api/v1/money/payments/template.xlsx?programmeId=${props.programmeId}`}
          data-testid="money-template"
        >
          {t('money.template')}
        </a>
      }
    >
      {canEdit && (
        <Space style={{ marginBottom: 12 }} wrap>
          <input
            type="file"
            accept=".xlsx"
            aria-label={t('money.chooseFile')}
            data-testid="money-file"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f) void run(`import/preview?programmeId=${props.programmeId}`, f);
            }}
          />
          <Button
            type="primary"
            disabled={!file || !result || result.committed}
            data-testid="money-import-all"
            onClick={() => file && void run(`import?programmeId=${props.programmeId}&mode=all`, file)}
          >
            {t('money.importAll')}
          </Button>
          <Button
            disabled={!file || !result || result.committed || result.valid === 0}
            onClick={() => file && void run(`import?programmeId=${props.programmeId}&mode=valid`, file)}
          >
            {t('money.importValid')}
          </Button>
          {result && <span data-testid="money-import-summary">{t('money.rowsSummary', result)}</span>}
        </Space>
      )}
      {result && !result.committed && result.valid < result.total && (
        <Table
          size="small"
          rowKey="row"
          pagination={false}
          dataSource={result.rows.filter((x) => x.errors.length)}
          columns={[
            { title: t('money.row'), dataIndex: 'row', width: 70 },
            { title: t('money.code'), dataIndex: 'planCode' },
            {
              title: t('money.errors'),
              render: (_, x) => x.errors.map((e) => `${e.column}: ${e.message}`).join('; '),
            },
          ]}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={props.plans}
        locale={{ emptyText: t('money.empty') }}
        data-testid="money-plans"
        columns={[
          { title: t('money.code'), dataIndex: 'code' },
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
  );
}
