import type { TaskDetail } from '@shared/schemas/tasks';
import { Card, Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateTag } from '../ui/StateTag';

/** A recurring task's rhythm and its occurrences (one task per period), or the series of an occurrence. */
export function TaskRecurrence({ d }: { d: TaskDetail }) {
  const { t } = useTranslation();
  if (!d.recurrence && !d.series) return null;
  return (
    <Card size="small" title={t('recurrence.title')} data-testid="task-recurrence">
      <Descriptions size="small" column={1}>
        {d.recurrence && (
          <Descriptions.Item label={t('recurrence.every')}>
            {t(`recurrence.kind.${d.recurrence}`)}
            {d.recurrenceDay
              ? ` — ${t('recurrence.day', { day: d.recurrenceDay })}`
              : ` — ${t('recurrence.endOfPeriod')}`}
          </Descriptions.Item>
        )}
        {d.series && (
          <Descriptions.Item label={t('recurrence.series')}>
            <Link to={`/p/${d.programmeId}/tasks/${d.series.id}`}>
              {d.series.code} — {d.series.title}
            </Link>
            {d.occurrencePeriod ? ` (${d.occurrencePeriod})` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      {d.recurrence && (
        <Table
          size="small"
          rowKey="id"
          pagination={d.occurrences.length > 12 ? { pageSize: 12 } : false}
          dataSource={d.occurrences}
          locale={{ emptyText: t('recurrence.none') }}
          columns={[
            {
              title: t('recurrence.period'),
              dataIndex: 'period',
              render: (p: string, o) => <Link to={`/p/${d.programmeId}/tasks/${o.id}`}>{p}</Link>,
            },
            { title: t('recurrence.deadline'), dataIndex: 'deadline' },
            {
              title: t('recurrence.state'),
              dataIndex: 'state',
              render: (s: TaskDetail['state']) => <StateTag state={s} />,
            },
            { title: '%', dataIndex: 'progress', width: 60 },
          ]}
        />
      )}
    </Card>
  );
}
