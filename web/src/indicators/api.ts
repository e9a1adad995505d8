import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EntrySheet, ImportResult, OkrsResponse, ValueEntry } from '@shared/schemas/indicators';
import { api } from '../api/client';

/** The indicators API as the screens use it. */

export const useOkrs = (programmeId: number, asOf: string | undefined, periods = 8) =>
  useQuery({
    queryKey: ['okrs', programmeId, asOf ?? null, periods],
    queryFn: ({ signal }) =>
      api<OkrsResponse>(`/programmes/${programmeId}/okrs`, { query: { asOf, periods }, signal }),
    placeholderData: keepPreviousData,
  });

export const useEntrySheet = (programmeId: number, unitId: number | undefined, period: string) =>
  useQuery({
    queryKey: ['indicator-values', programmeId, unitId, period],
    queryFn: ({ signal }) =>
      api<EntrySheet>(`/programmes/${programmeId}/indicator-values`, { query: { unitId, period }, signal }),
    enabled: unitId !== undefined,
  });

export const saveValues = (programmeId: number, unitId: number, entries: ValueEntry[]) =>
  api<{ saved: number }>(`/programmes/${programmeId}/indicator-values`, {
    method: 'POST',
    body: { unitId, entries },
  });

export const importValues = (
  programmeId: number,
  body: { format: 'csv' | 'xlsx'; content: string; mode: 'all' | 'valid' },
) => api<ImportResult>(`/programmes/${programmeId}/indicator-values/import`, { method: 'POST', body });
