import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentImport,
  CriteriaGlance,
  CriteriaSet,
  Matrix,
  Trend,
} from '@shared/schemas/criteria';
import type { CatalogueSummary, Dataset } from '@shared/schemas/catalogue';
import { ApiError, api } from '../api/client';
import { i18next } from '../i18n';

/** Names come localised from the server (by Accept-Language): the language is part of every key. */
const lang = () => i18next.language || 'vi';

type Q = Record<string, string | number | undefined>;

/** Criteria sets, the matrix, the trend, one unit's values; the data catalogue. */
export const useCriteriaSets = (programmeId: number) =>
  useQuery({
    queryKey: ['criteria-sets', lang(), programmeId],
    queryFn: ({ signal }) => api<CriteriaSet[]>('/criteria/sets', { query: { programmeId }, signal }),
  });
export const useMatrix = (setId: number | undefined, q: Q) =>
  useQuery({
    queryKey: ['criteria-matrix', lang(), setId, q],
    queryFn: ({ signal }) => api<Matrix>(`/criteria/sets/${setId}/matrix`, { query: q, signal }),
    enabled: Boolean(setId && q.period),
    placeholderData: (prev) => prev,
  });
/** Each set's latest period for a unit's subtree: counts only (the unit page). */
export const useCriteriaGlance = (q: Q) =>
  useQuery({
    queryKey: ['criteria-glance', lang(), q],
    queryFn: ({ signal }) => api<CriteriaGlance>('/criteria/glance', { query: q, signal }),
  });
export const useTrend = (setId: number | undefined, q: Q) =>
  useQuery({
    queryKey: ['criteria-trend', lang(), setId, q],
    queryFn: ({ signal }) => api<Trend>(`/criteria/sets/${setId}/trend`, { query: q, signal }),
    enabled: Boolean(setId && q.from && q.to),
  });
export const useAssessment = (setId: number, unitId: number, period: string) =>
  useQuery({
    queryKey: ['criteria-assessment', lang(), setId, unitId, period],
    queryFn: ({ signal }) =>
      api<Assessment>(`/criteria/sets/${setId}/assessments`, { query: { unitId, period }, signal }),
  });
export const useDatasets = (q: Q) =>
  useQuery({
    queryKey: ['datasets', lang(), q],
    queryFn: ({ signal }) => api<Dataset[]>('/catalogue/datasets', { query: q, signal }),
  });
export const useCatalogueSummary = (q: Q) =>
  useQuery({
    queryKey: ['catalogue-summary', lang(), q],
    queryFn: ({ signal }) => api<CatalogueSummary>('/catalogue/summary', { query: q, signal }),
  });

/** A write; every criteria and catalogue query is read again after it. */
export function useCriteriaWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; method?: string; body: unknown }) =>
      api<unknown>(v.path, { method: v.method ?? 'POST', body: v.body }),
    onSuccess: () => {
      for (const k of [
        'criteria-sets',
        'criteria-matrix',
        'criteria-trend',
        'criteria-assessment',
        'criteria-glance',
        'datasets',
        'catalogue-summary',
      ])
        void qc.invalidateQueries({ queryKey: [k] });
    },
  });
}

/** Sends an XLSX as the request body (preview or import). */
export async function uploadXlsx(path: string, f: File, lang: string): Promise<AssessmentImport> {
  const res = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers: {
      'x-steerboard-csrf': '1',
      'content-type': f.type || 'application/octet-stream',
      'accept-language': lang,
    },
    body: f,
    credentials: 'same-origin',
  });
  const data = (await res.json()) as AssessmentImport | { error: { code: string; message: string } };
  if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message);
  return data;
}
