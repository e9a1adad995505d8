import type { Cockpit } from '@shared/schemas/cockpit';
import { Empty as AntEmpty, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../i18n/format';
import type { Lang } from '../i18n';

/** The scope's child units, ranked by overdue tasks then done rate; a click drills into one. */
export function UnitsTable(props: { rows: Cockpit['units']; lang: Lang; onUnit: (id: number) => void }) {
  const { t } = useTranslation();
  const rows = [...props.rows].sort(
    (a, b) => b.overdue - a.overdue || (b.doneRate ?? -1) - (a.doneRate ?? -1),
  );
  return (
    <Table
      size="small"
      rowKey={(r) => r.unit.id}
      dataSource={rows}
      pagination={{ pageSize: 15, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
      onRow={(r) => ({ onClick: () => props.onUnit(r.unit.id), style: { cursor: 'pointer' } })}
      data-testid="cockpit-units"
      columns={[
        { title: t('cockpit.unit'), key: 'name', ellipsis: true, render: (_v, r) => <a>{r.unit.name}</a> },
        { title: t('cockpit.total'), dataIndex: 'total', align: 'end', width: 80 },
        {
          title: t('cockpit.overdue'),
          dataIndex: 'overdue',
          align: 'end',
          width: 90,
          render: (v: number) =>
            v ? <span className="cockpit__overdue">{formatNumber(v, props.lang)}</span> : 0,
        },
        {
          title: t('cockpit.doneRate'),
          dataIndex: 'doneRate',
          width: 160,
          render: (v: number | null) =>
            v === null ? '—' : <Progress percent={Math.round(v)} size="small" strokeColor="#389e0d" />,
        },
      ]}
    />
  );
}

/** Overdue tasks of the scope, the most late first; each opens the task. */
export function OverdueTasksTable(props: {
  rows: Cockpit['overdueTasks'];
  lang: Lang;
  taskHref: (id: number) => string;
}) {
  const { t } = useTranslation();
  if (props.rows.length === 0)
    return <AntEmpty image={AntEmpty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.noOverdue')} />;
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={props.rows}
      pagination={false}
      data-testid="cockpit-overdue-tasks"
      columns={[
        {
          title: t('tasks.title'),
          key: 'title',
          ellipsis: true,
          render: (_v, r) => (
            <Link to={props.taskHref(r.id)} data-testid="cockpit-task-link">
              <bdi>{r.code}</bdi> · {r.title}
            </Link>
          ),
        },
        { title: t('cockpit.unit'), dataIndex: 'leadUnit', ellipsis: true, width: 180 },
        {
          title: t('tasks.deadline'),
          dataIndex: 'deadline',
          width: 110,
          render: (d: string) => formatDate(d, props.lang),
        },
        {
          title: t('cockpit.overdue'),
          dataIndex: 'daysOverdue',
          width: 90,
          align: 'end',
          render: (n: number) => <span className="cockpit__overdue">{t('common.days', { count: n })}</span>,
        },
      ]}
    />
  );
}
