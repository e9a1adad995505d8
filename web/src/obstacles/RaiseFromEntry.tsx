import type { Report } from '@shared/schemas/reports';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateObstacle } from './ObstaclesPage';

/** Under a report entry's obstacles note: raise it as an obstacle, and the obstacles raised from it. */
export function RaiseFromEntry(props: {
  programmeId: number;
  reportId: number;
  entry: Report['entries'][number];
  note: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The report on screen is the form's own copy: obstacles raised now are added here.
  const [added, setAdded] = useState<number[]>([]);
  const ids = [...new Set([...props.entry.obstacleIds, ...added])];
  return (
    <Space wrap size={4} data-testid={`raise-${props.entry.taskCode}`}>
      {ids.map((id) => (
        <Link key={id} to={`/p/${props.programmeId}/obstacles?id=${id}`} data-testid="entry-obstacle-link">
          <Tag color="volcano">{t('obstacles.raisedTag', { id })}</Tag>
        </Link>
      ))}
      {props.note.trim() && (
        <Button size="small" onClick={() => setOpen(true)} data-testid="raise-obstacle">
          {t('obstacles.raiseFromEntry')}
        </Button>
      )}
      {open && (
        <CreateObstacle
          programmeId={props.programmeId}
          onClose={() => setOpen(false)}
          onCreated={(id) => setAdded((a) => [...a, id])}
          fromReport={{
            reportId: props.reportId,
            taskId: props.entry.taskId,
            title: props.note.trim().slice(0, 500),
            description: props.note,
          }}
        />
      )}
    </Space>
  );
}
