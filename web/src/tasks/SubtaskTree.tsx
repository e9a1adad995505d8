import { ApartmentOutlined, ShareAltOutlined } from '@ant-design/icons';
import type { SubtaskTree as Tree } from '@shared/schemas/subtasks';
import type { TaskDetail } from '@shared/schemas/tasks';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { withAsOf } from '../app/useAsOf';
import { isLang, type Lang } from '../i18n';
import { formatDate } from '../i18n/format';
import { StateTag } from '../ui/StateTag';
import { ErrorNote } from '../ui/states';

export const useSubtasks = (taskId: number, asOf: string | undefined) =>
  useQuery({
    queryKey: ['subtasks', taskId, asOf ?? 'today'],
    queryFn: ({ signal }) => api<Tree>(`/tasks/${taskId}/subtasks`, { query: { asOf }, signal }),
  });

/** The task's sub-tasks as a tree, each with its lead unit, deadline, state and progress. */
export function SubtaskTree(props: { task: TaskDetail; programmeId: number; asOf: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const tree = useSubtasks(props.task.id, props.asOf);
  const items = tree.data?.items ?? [];
  const { can } = props.task;
  if (!tree.isError && items.length === 0 && !(can.delegate || can.manage)) return null;
  // Depth-first order: children right under their parent.
  const byParent = new Map<number, typeof items>();
  for (const i of items) byParent.set(i.parentId, [...(byParent.get(i.parentId) ?? []), i]);
  const ordered: typeof items = [];
  const walk = (id: number) => {
    for (const c of byParent.get(id) ?? []) {
      ordered.push(c);
      walk(c.id);
    }
  };
  walk(props.task.id);
  // Rows whose parent is out of the reader's scope still show, at their depth.
  for (const i of items) if (!ordered.includes(i)) ordered.push(i);

  return (
    <Card
      size="small"
      title={
        <Space>
          <ApartmentOutlined />
          {t('taskForm.subtasks')}
          {props.task.progressFromSubtasks && <Tag color="blue">{t('taskForm.derived')}</Tag>}
        </Space>
      }
      data-testid="subtask-tree"
      extra={
        !props.asOf &&
        can.delegate && (
          <Link to={`/p/${props.programmeId}/tasks/${props.task.id}/delegate`}>
            <Button size="small" icon={<ShareAltOutlined />} data-testid="subtask-delegate">
              {t('taskForm.delegate')}
            </Button>
          </Link>
        )
      }
    >
      {tree.isError && <ErrorNote error={tree.error} onRetry={() => void tree.refetch()} />}
      {items.length === 0 && !tree.isPending && (
        <Typography.Text type="secondary">{t('taskForm.noSubtasks')}</Typography.Text>
      )}
      {ordered.map((s) => (
        <div
          key={s.id}
          className="subtask-tree__row"
          style={{ paddingInlineStart: (s.depth - 1) * 20 }}
          data-testid={`subtask-${s.code}`}
        >
          <div className="subtask-tree__title">
            <Link to={withAsOf(`/p/${props.programmeId}/tasks/${s.id}`, props.asOf)}>
              <bdi>{s.code}</bdi> — {s.title}
            </Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.leadUnit.name} · {formatDate(s.deadlineAsOf, lang)}
                {props.task.progressFromSubtasks ? ` · ${t('taskForm.weightShort', { n: s.weight })}` : ''}
              </Typography.Text>
            </div>
          </div>
          <StateTag state={s.state} />
          <Progress percent={s.progress} size="small" className="subtask-tree__progress" />
        </div>
      ))}
    </Card>
  );
}
