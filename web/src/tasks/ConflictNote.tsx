import type { TaskDetail } from '@shared/schemas/tasks';
import { Alert, Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, formatNumber } from '../i18n/format';
import type { FormField } from './task-form';

/** How a field of the other editor's version reads (names, not ids). */
function theirValue(f: FormField, d: TaskDetail, lang: Lang, t: (k: string) => string): string {
  const dash = '—';
  switch (f) {
    case 'leadUnitId':
      return d.leadUnit.name;
    case 'coordinatingUnitIds':
      return d.coordinatingUnits.map((u) => u.name).join(', ') || dash;
    case 'groupId':
      return d.group?.name ?? dash;
    case 'directiveId':
      return d.directive?.number ?? dash;
    case 'parentId':
      return d.parent?.code ?? dash;
    case 'assignedLevel':
      return t(`level.${d.assignedLevel}`);
    case 'priority':
      return t(`priority.${d.priority}`);
    case 'kind':
      return t(`kind.${d.kind}`);
    case 'startDate':
    case 'deadline':
    case 'completedOn':
      return formatDate(d[f], lang);
    case 'milestones':
      return String(d.milestones.length);
    case 'progress':
      return `${d.progress}%`;
    case 'progressFromSubtasks':
      return t(d.progressFromSubtasks ? 'taskForm.yes' : 'taskForm.no');
    case 'targetValue':
      return d.targetValue === null ? dash : formatNumber(d.targetValue, lang, 2);
    default: {
      const v = d[f as keyof TaskDetail];
      return v === null || v === undefined || v === '' ? dash : String(v);
    }
  }
}

/**
 * A version conflict (409): who saved first and when, each field they changed with its new value
 * and whether the user changed it too; the user's input stays in the form below.
 */
export function ConflictNote(props: {
  theirs: TaskDetail;
  items: { field: FormField; clash: boolean }[];
  timeZone: string;
  onSaveMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const last = props.theirs.history.at(-1);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="task-conflict"
      style={{ marginBottom: 12 }}
      title={t('taskForm.conflictTitle')}
      description={
        <>
          <div>
            {t('taskForm.conflictText', {
              who: last?.actor ?? t('taskForm.someone'),
              at: formatDateTime(last?.at ?? props.theirs.updatedAt, lang, props.timeZone),
            })}
          </div>
          {props.items.length === 0 ? (
            <div>{t('taskForm.conflictNothing')}</div>
          ) : (
            <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {props.items.map((i) => (
                <li key={i.field} data-testid={`conflict-${i.field}`}>
                  <strong>{t(`taskForm.${i.field}`)}</strong> {t('taskForm.conflictTheirs', { value: '' })}
                  <bdi>{theirValue(i.field, props.theirs, lang, t)}</bdi>{' '}
                  {i.clash && <Tag color="orange">{t('taskForm.conflictClash')}</Tag>}
                </li>
              ))}
            </ul>
          )}
          <Space wrap style={{ marginTop: 8 }}>
            <Button type="primary" onClick={props.onSaveMine} data-testid="conflict-save-mine">
              {t('taskForm.conflictSaveMine')}
            </Button>
            <Button onClick={props.onTakeTheirs} data-testid="conflict-take-theirs">
              {t('taskForm.conflictTakeTheirs')}
            </Button>
          </Space>
        </>
      }
    />
  );
}
