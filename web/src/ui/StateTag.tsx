import type { TaskState } from '@shared/vocabulary';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const STATE_COLORS: Record<TaskState, string> = {
  done_on_time: '#389e0d',
  done_late: '#d48806',
  overdue: '#cf1322',
  in_progress: '#1677ff',
  not_started: '#8c8c8c',
};
const TAG_COLOR: Record<TaskState, string> = {
  done_on_time: 'success',
  done_late: 'warning',
  overdue: 'error',
  in_progress: 'processing',
  not_started: 'default',
};

export function StateTag({ state, testId }: { state: TaskState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={TAG_COLOR[state]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(`state.${state}`)}
    </Tag>
  );
}
