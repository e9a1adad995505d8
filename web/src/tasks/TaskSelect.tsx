import type { TaskListItem } from '@shared/schemas/tasks';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

/** Finds tasks of the programme by code or title as the user types; one or several. */
export function TaskSelect(props: {
  programmeId: number;
  value: number[];
  onChange: (ids: number[]) => void;
  multiple?: boolean;
  known?: { id: number; code: string; title: string }[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['task-search', props.programmeId, q.trim()],
    enabled: q.trim().length >= 2,
    queryFn: ({ signal }) =>
      api<{ items: TaskListItem[] }>('/tasks', {
        query: { programmeId: props.programmeId, q: q.trim(), limit: 20 },
        signal,
      }),
  });
  const options = new Map<number, string>();
  for (const k of props.known ?? []) options.set(k.id, `${k.code} · ${k.title}`);
  for (const x of found.data?.items ?? []) options.set(x.id, `${x.code} · ${x.title}`);
  return (
    <Select
      mode={props.multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      data-testid={props.testId ?? 'task-select'}
      placeholder={t('registerScreens.taskSearch')}
      value={props.multiple ? props.value : props.value[0]}
      onChange={(v: number | number[] | undefined) =>
        props.onChange(v === undefined ? [] : Array.isArray(v) ? v : [v])
      }
      options={[...options].map(([value, label]) => ({ value, label }))}
      loading={found.isFetching}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
