import type { TaskDetail } from '@shared/schemas/tasks';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a task's detail: the open obstacles that block it. */
export function BlockedBy({ task, programmeId }: { task: TaskDetail; programmeId: number }) {
  const { t } = useTranslation();
  if (!task.blockedBy.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="task-blocked-by"
      style={{ marginBottom: 12 }}
      title={t('obstacles.blockedBy', { count: task.blockedBy.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {task.blockedBy.map((o) => (
            <li key={o.id}>
              <Link to={`/p/${programmeId}/obstacles?id=${o.id}`}>{o.title}</Link> —{' '}
              {t(`obstacles.category.${o.category}`)}, {t(`obstacles.status.${o.status}`)} · {o.owner.name}
            </li>
          ))}
        </ul>
      }
    />
  );
}
