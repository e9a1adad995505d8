import { displayRate, formatMoney } from '@shared/money';
import type { CapitalPlan } from '@shared/schemas/money';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { PaymentModal, ReviseModal } from './forms';

type PlanDetail = CapitalPlan & {
  revisions: {
    id: number;
    amount: string;
    effectiveFrom: string;
    reason: string | null;
    createdAt: string;
  }[];
  payments: {
    id: number;
    planId: number;
    paidOn: string;
    amount: string;
    reference: string | null;
    via: 'manual' | 'import' | 'api';
  }[];
};

/** One capital plan: the amount in force as of the date, every revision kept, every payment and where it came from. */
export default function PlanDetailPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const { planId } = useParams();
  const [asOf] = useAsOf();
  const [dialog, setDialog] = useState<'pay' | 'revise' | null>(null);
  const plan = useQuery({
    queryKey: ['money', 'plan', planId, asOf],
    queryFn: ({ signal }) => api<PlanDetail>(`/money/plans/${planId}`, { query: { asOf }, signal }),
  });
  if (plan.isPending) return <PageSpinner />;
  if (plan.error) return <ErrorNote error={plan.error} />;
  const p = plan.data;
  const vnd = (v: string) => ltr(`${formatMoney(v, lang)} ₫`);
  const day = asOf ?? today ?? p.asOf;
  return (
    <div data-testid="plan-detail">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>
          <Link to={withAsOf(`/p/${programme.id}/money`, asOf)}>{t('money.plans')}</Link> / {ltr(p.code)}
        </Typography.Title>
        {p.can.edit && (
          <Space>
            <Button onClick={() => setDialog('revise')} data-testid="plan-revise">
              {t('registerScreens.plan.revise')}
            </Button>
            <Button type="primary" onClick={() => setDialog('pay')} data-testid="plan-pay">
              {t('money.pay')}
            </Button>
          </Space>
        )}
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('money.unit')}>{p.unit.name}</Descriptions.Item>
          <Descriptions.Item label={t('money.taskOrProject')}>
            {p.task ? (
              <Link to={withAsOf(`/p/${programme.id}/tasks/${p.task.id}`, asOf)}>
                {ltr(p.task.code)} {p.task.title}
              </Link>
            ) : (
              p.project
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('money.source')}>{t(`money.sources.${p.source}`)}</Descriptions.Item>
          <Descriptions.Item label={t('money.year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item
            label={t('registerScreens.plan.allocatedOn', { date: formatDate(p.asOf, lang) })}
          >
            <b data-testid="plan-allocated">{vnd(p.allocated)}</b>
          </Descriptions.Item>
          <Descriptions.Item label={t('money.disbursed')}>
            <span data-testid="plan-disbursed">{vnd(p.disbursed)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('money.rate')}>
            <span data-testid="plan-rate">{ltr(displayRate(p.rate, lang))}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('registerScreens.plan.revisions')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.revisions}
          data-testid="plan-revisions"
          columns={[
            { title: t('money.effectiveFrom'), render: (_, r) => formatDate(r.effectiveFrom, lang) },
            { title: t('money.amount'), align: 'end', render: (_, r) => vnd(r.amount) },
            {
              title: t('money.reasonField'),
              render: (_, r) => r.reason ?? t('registerScreens.plan.initial'),
            },
            {
              title: t('registerScreens.plan.recordedAt'),
              render: (_, r) => formatDateTime(r.createdAt, lang, programme.timeZone),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('registerScreens.plan.payments', { count: p.payments.length })}
        style={{ marginTop: 12 }}
      >
        <Table
          size="small"
          rowKey="id"
          dataSource={p.payments}
          pagination={p.payments.length > 20 ? { pageSize: 20 } : false}
          data-testid="plan-payments"
          locale={{ emptyText: t('registerScreens.plan.noPayments') }}
          columns={[
            { title: t('money.paidOn'), render: (_, d) => formatDate(d.paidOn, lang) },
            { title: t('money.amount'), align: 'end', render: (_, d) => vnd(d.amount) },
            { title: t('money.reference'), render: (_, d) => (d.reference ? ltr(d.reference) : '—') },
            {
              title: t('registerScreens.plan.via'),
              render: (_, d) => <Tag>{t(`registerScreens.plan.viaKind.${d.via}`)}</Tag>,
            },
          ]}
        />
      </Card>
      {dialog === 'pay' && <PaymentModal plan={p} today={day} onClose={() => setDialog(null)} />}
      {dialog === 'revise' && <ReviseModal plan={p} today={day} onClose={() => setDialog(null)} />}
    </div>
  );
}
