import type { Inspection } from '@shared/schemas/inspection';
import { useQuery } from '@tanstack/react-query';
import { Card, Popover, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useAsOf, withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, formatInstantDate, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';

type Trail = Inspection['stalled'][number]['trail'];

/** The inspector's four views, as of the date in the URL; each row opens its audit trail. */
export default function InspectionPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const q = useQuery({
    queryKey: ['inspection', programme.id, asOf ?? 'today'],
    queryFn: () => api<Inspection>(`/programmes/${programme.id}/inspection`, { query: { asOf } }),
  });
  if (q.isPending) return <PageSpinner />;
  if (q.isError) return <ErrorNote error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const task = (x: { id: number; code: string; title: string }) => (
    <Link to={withAsOf(`/p/${programme.id}/tasks/${x.id}`, asOf)}>
      <bdi>{x.code}</bdi> · {x.title}
    </Link>
  );
  const trail = (items: Trail) => (
    <Popover
      title={t('inspection.trail')}
      content={
        <Timeline
          style={{ maxWidth: 420, marginTop: 8 }}
          items={items.map((e) => ({
            children: `${formatDateTime(e.at, lang, programme.timeZone)} · ${e.action} · ${e.actor ?? '—'}`,
          }))}
        />
      }
    >
      <a>
        {t('inspection.trail')} ({items.length})
      </a>
    </Popover>
  );
  const common = {
    size: 'small' as const,
    pagination: { pageSize: 10, hideOnSinglePage: true },
    locale: { emptyText: t('inspection.none') },
  };
  return (
    <div>
      <Typography.Title level={3}>{t('inspection.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('inspection.range', { from: ltr(d.periods.from), to: ltr(d.periods.to) })} · {t('common.asOf')}{' '}
        {formatDate(d.asOf, lang)}
      </Typography.Paragraph>
      <Card
        size="small"
        title={t('inspection.discipline')}
        style={{ marginBottom: 12 }}
        data-testid="inspection-discipline"
      >
        <Table
          {...common}
          rowKey={(r) => r.unit.code}
          dataSource={d.discipline}
          columns={[
            { title: t('inspection.unit'), key: 'u', render: (_v, r) => r.unit.name },
            { title: t('inspection.late'), dataIndex: 'late', align: 'end', width: 90 },
            { title: t('inspection.missing'), dataIndex: 'missing', align: 'end', width: 120 },
            {
              title: '',
              key: 'rep',
              width: 100,
              render: (_v, r) => (r.repeated ? <Tag color="red">{t('inspection.repeated')}</Tag> : null),
            },
            {
              title: '',
              key: 'p',
              render: (_v, r) => (
                <Typography.Text type="secondary">{r.periods.map(ltr).join(', ')}</Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('inspection.stalled')} style={{ marginBottom: 12 }}>
        <Table
          {...common}
          rowKey={(r) => r.task.id}
          dataSource={d.stalled}
          columns={[
            { title: t('inspection.task'), key: 't', render: (_v, r) => task(r.task) },
            { title: t('inspection.unit'), key: 'u', render: (_v, r) => r.unit.name, width: 200 },
            {
              title: t('inspection.since'),
              dataIndex: 'startDate',
              width: 110,
              render: (v: string) => formatDate(v, lang),
            },
            { title: t('inspection.days'), dataIndex: 'days', align: 'end', width: 80 },
            { title: '', key: 'tr', width: 120, render: (_v, r) => trail(r.trail) },
          ]}
        />
      </Card>
      <Card size="small" title={t('inspection.returned')} style={{ marginBottom: 12 }}>
        <Table
          {...common}
          rowKey={(r) => `${r.task.id}-${r.decidedAt}`}
          dataSource={d.returnedCompletions}
          columns={[
            { title: t('inspection.task'), key: 't', render: (_v, r) => task(r.task) },
            { title: t('inspection.unit'), key: 'u', render: (_v, r) => r.unit.name, width: 200 },
            { title: t('inspection.note'), dataIndex: 'note' },
            {
              title: t('inspection.by'),
              key: 'b',
              width: 180,
              render: (_v, r) =>
                `${r.decidedBy ?? '—'} · ${formatInstantDate(r.decidedAt, lang, programme.timeZone)}`,
            },
            { title: '', key: 'tr', width: 120, render: (_v, r) => trail(r.trail) },
          ]}
        />
      </Card>
      <Card size="small" title={t('inspection.changes')}>
        <Table
          {...common}
          rowKey={(r) => `${r.task.id}-${r.effectiveFrom}-${r.deadline}`}
          dataSource={d.deadlineChanges}
          columns={[
            { title: t('inspection.task'), key: 't', render: (_v, r) => task(r.task) },
            {
              title: t('inspection.original'),
              dataIndex: 'original',
              width: 120,
              render: (v: string) => formatDate(v, lang),
            },
            {
              title: t('inspection.newDeadline'),
              dataIndex: 'deadline',
              width: 120,
              render: (v: string) => formatDate(v, lang),
            },
            { title: t('inspection.reason'), dataIndex: 'reason' },
            { title: t('inspection.by'), key: 'b', width: 180, render: (_v, r) => r.by ?? '—' },
            { title: '', key: 'tr', width: 120, render: (_v, r) => trail(r.trail) },
          ]}
        />
      </Card>
    </div>
  );
}
