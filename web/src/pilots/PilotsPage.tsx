import { TASK_STATES } from '@shared/task-state';
import { Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAsOf } from '../app/useAsOf';
import { isLang } from '../i18n';
import { formatDate, pickName } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { usePilots } from '../obstacles/api';
import { StateTag } from '../ui/StateTag';
import { ErrorNote, PageSpinner } from '../ui/states';

/** Pilot models: counts by state for the programme and each group, and the ones to accelerate. */
export default function PilotsPage() {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const q = usePilots({ programmeId: programme.id, asOf });
  if (q.isLoading) return <PageSpinner />;
  if (q.error || !q.data) return <ErrorNote error={q.error} />;
  const { summary, accelerate } = q.data;
  const groupName = (id: number | null) => {
    const g = programme.groups.find((x) => x.id === id);
    return g ? pickName(g.name, lang) : t('pilots.noGroup');
  };
  const rows = [
    { key: 'all', name: t('pilots.programme'), total: summary.total, byState: summary.byState },
    ...summary.byGroup.map((g) => ({
      key: String(g.groupId),
      name: groupName(g.groupId),
      total: g.total,
      byState: g.byState,
    })),
  ];
  return (
    <div data-testid="pilots">
      <Typography.Title level={3}>{t('pilots.title')}</Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card size="small" title={t('pilots.counts', { count: summary.total })}>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows}
            data-testid="pilot-counts"
            columns={[
              { title: t('pilots.group'), dataIndex: 'name' },
              ...TASK_STATES.map((s) => ({
                title: <StateTag state={s} />,
                key: s,
                align: 'end' as const,
                render: (_: unknown, r: (typeof rows)[number]) => r.byState[s],
              })),
              { title: t('pilots.total'), dataIndex: 'total', align: 'end' as const },
            ]}
          />
        </Card>
        <Card size="small" title={t('pilots.accelerate', { count: accelerate.length })}>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={accelerate}
            data-testid="pilot-accelerate"
            columns={[
              {
                title: t('pilots.model'),
                key: 'm',
                render: (_, p) => (
                  <Link to={`/p/${programme.id}/tasks/${p.id}`}>
                    {p.code} {p.title}
                  </Link>
                ),
              },
              { title: t('pilots.lead'), key: 'l', render: (_, p) => p.leadUnit.name },
              { title: t('pilots.deadline'), key: 'd', render: (_, p) => formatDate(p.deadline, lang) },
              { title: '%', dataIndex: 'progress', align: 'end' },
              { title: t('pilots.state'), key: 's', render: (_, p) => <StateTag state={p.state} /> },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
