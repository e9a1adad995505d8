import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Me } from '@shared/schemas/auth';
import type { Directive, Programme } from '@shared/schemas/programmes';
import type { Summary, TaskDetail, TaskListItem, UpdateTaskInput } from '@shared/schemas/tasks';
import type { Unit, UnitWithCounts } from '@shared/schemas/units';
import type { TaskListFilters } from '../tasks/task-filters';
import { api } from './client';

/** Every read of the API the screens use, keyed so that a change of "as of" date or filter refetches. */

export const useMe = () =>
  useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api<Me>('/auth/me');
      } catch (e) {
        if ((e as { status?: number }).status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });

/** The server's "today" (an injected clock: a demo or a replay may run on another date). */
export const useClock = () =>
  useQuery({
    queryKey: ['clock'],
    queryFn: () => api<{ today: string; now: string }>('/clock'),
    staleTime: 60_000,
  });

export const useProgrammes = (enabled = true) =>
  useQuery({
    queryKey: ['programmes'],
    queryFn: () => api<Programme[]>('/programmes'),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useDirectives = (programmeId: number) =>
  useQuery({
    queryKey: ['directives', programmeId],
    queryFn: () => api<Directive[]>(`/programmes/${programmeId}/directives`),
    staleTime: 5 * 60_000,
  });

export const useSummary = (programmeId: number, asOf: string | undefined) =>
  useQuery({
    queryKey: ['summary', programmeId, asOf ?? 'today'],
    queryFn: ({ signal }) => api<Summary>('/tasks/summary', { query: { programmeId, asOf }, signal }),
    placeholderData: keepPreviousData,
  });

/** The first page is small so it shows fast on a weak line; the next ones are larger, fewer round trips. */
export const TASK_FIRST_PAGE = 200;
export const TASK_NEXT_PAGE = 1000;

export type TaskPage = { items: TaskListItem[]; nextCursor: string | null; total: number; asOf: string };

export const useTaskList = (filters: TaskListFilters) =>
  useInfiniteQuery({
    queryKey: ['tasks', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<TaskPage>('/tasks', {
        query: { ...filters, limit: pageParam ? TASK_NEXT_PAGE : TASK_FIRST_PAGE, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useTask = (id: number, asOf: string | undefined, enabled = true) =>
  useQuery({
    queryKey: ['task', id, asOf ?? 'today'],
    queryFn: ({ signal }) => api<TaskDetail>(`/tasks/${id}`, { query: { asOf }, signal }),
    enabled,
  });

export const useUpdateTask = (id: number) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTaskInput) => api<TaskDetail>(`/tasks/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['task', id] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['summary'] });
    },
  });
};

export type UnitQuery = {
  parentId?: number;
  roots?: boolean;
  q?: string;
  programmeId?: number;
  asOf?: string;
  subtreeOf?: number;
};

export const useUnits = (q: UnitQuery, enabled = true) =>
  useQuery({
    queryKey: ['units', q],
    queryFn: ({ signal }) => api<UnitWithCounts[]>('/units', { query: q, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const fetchUnits = (q: UnitQuery) => api<UnitWithCounts[]>('/units', { query: q });

export const useUnit = (id: number | undefined) =>
  useQuery({
    queryKey: ['unit', id],
    queryFn: () => api<Unit & { ancestors: Unit[] }>(`/units/${id}`),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });

export const useCockpit = (
  programmeId: number,
  q: { asOf: string | undefined; groupId: number | undefined; unitId: number | undefined },
) =>
  useQuery({
    queryKey: ['cockpit', programmeId, q.asOf ?? 'today', q.groupId ?? 0, q.unitId ?? 0],
    queryFn: ({ signal }) =>
      api<import('@shared/schemas/cockpit').Cockpit>(`/programmes/${programmeId}/cockpit`, {
        query: q,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
