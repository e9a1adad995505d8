import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PeopleResponse, Person } from '@shared/schemas/users';
import { api } from '../api/client';

export type PeopleFilter = { programmeId?: number; q?: string; status?: Person['status'] };

/** People of a programme (or all accounts, for admins), as the server scopes them. */
export const usePeople = (f: PeopleFilter) =>
  useQuery({
    queryKey: ['people', f],
    queryFn: ({ signal }) => api<PeopleResponse>('/users', { query: f, signal }),
    placeholderData: keepPreviousData,
  });

/** A write on an account; the lists are read again after it. */
export function usePeopleWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; method?: string; body?: unknown }) =>
      api<Person>(v.path, { method: v.method ?? 'POST', body: v.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['people'] }),
  });
}
