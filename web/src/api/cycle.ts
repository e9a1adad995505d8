import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Adjustment } from '@shared/schemas/adjustments';
import type { Discipline, Report } from '@shared/schemas/reports';
import type { WarningList } from '@shared/schemas/warnings';
import { i18next } from '../i18n';
import { api, ApiError } from './client';

/** The API of the weekly cycle as the screens use it: reports, discipline, warning lists, requests, notifications. */

export type ReportListItem = {
  id: number;
  unit: { id: number; code: string; name: string };
  period: string;
  status: Report['status'];
  revision: number;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  entryCount: number;
};

export const useReports = (
  q: { programmeId: number; unitId?: number; period?: string; status?: string },
  enabled = true,
) =>
  useQuery({
    queryKey: ['reports', q],
    queryFn: ({ signal }) => api<ReportListItem[]>('/reports', { query: q, signal }),
    enabled,
  });

export const useReport = (id: number) =>
  useQuery({ queryKey: ['report', id], queryFn: ({ signal }) => api<Report>(`/reports/${id}`, { signal }) });

export const openReport = (body: { programmeId: number; unitId: number; period?: string }) =>
  api<Report>('/reports/open', { method: 'POST', body });

export const saveReport = (id: number, body: unknown) =>
  api<Report>(`/reports/${id}`, { method: 'PUT', body });

export const useReportAction = (id: number) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: 'submit' | 'approve' | 'return'; version: number; comment?: string }) =>
      api<Report>(`/reports/${id}/${v.action}`, {
        method: 'POST',
        body: v.action === 'return' ? { version: v.version, comment: v.comment } : { version: v.version },
      }),
    onSuccess: (r) => {
      qc.setQueryData(['report', id], r);
      void qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
};

export const useDiscipline = (q: {
  programmeId: number;
  from: string;
  to: string;
  unitId?: number;
  asOf?: string;
}) =>
  useQuery({
    queryKey: ['discipline', q],
    queryFn: ({ signal }) => api<Discipline>('/discipline', { query: q, signal }),
    placeholderData: keepPreviousData,
  });

export type WarningSummary = {
  id: number;
  period: string;
  status: 'draft' | 'published';
  dueAt: string;
  publishedAt: string | null;
  unitCount: number;
};

export const useWarningSummaries = (programmeId: number) =>
  useQuery({
    queryKey: ['warning-lists', programmeId],
    queryFn: ({ signal }) => api<WarningSummary[]>('/warning-lists', { query: { programmeId }, signal }),
  });

export const useWarningList = (programmeId: number, period: string | undefined) =>
  useQuery({
    queryKey: ['warning-list', programmeId, period],
    enabled: Boolean(period),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
    queryFn: ({ signal }) =>
      api<WarningList>(`/programmes/${programmeId}/warning-lists/${period}`, { signal }),
  });

export const useWarningAction = (programmeId: number) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { method: 'POST' | 'PATCH'; path: string; body?: unknown }) =>
      api<WarningList | { id: number; period: string; units: number }>(v.path, {
        method: v.method,
        body: v.body ?? {},
      }),
    onSuccess: (l) => {
      // Review steps answer with the list; drawing answers with a summary, so the list is read again.
      if (Array.isArray(l.units)) qc.setQueryData(['warning-list', programmeId, l.period], l);
      else void qc.invalidateQueries({ queryKey: ['warning-list', programmeId, l.period] });
      void qc.invalidateQueries({ queryKey: ['warning-lists', programmeId] });
    },
  });
};

export type Completion = {
  id: number;
  programmeId: number;
  task: { id: number; code: string; title: string; deadline: string };
  unit: { id: number; code: string; name: string };
  completedOn: string;
  product: string;
  status: 'pending' | 'confirmed' | 'returned';
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  can: { decide: boolean };
};

export const useAdjustments = (q: { programmeId: number; status?: string; taskId?: number }) =>
  useQuery({
    queryKey: ['adjustments', q],
    queryFn: ({ signal }) => api<Adjustment[]>('/adjustments', { query: q, signal }),
  });
export const useCompletions = (q: { programmeId: number; status?: string; taskId?: number }) =>
  useQuery({
    queryKey: ['completions', q],
    queryFn: ({ signal }) => api<Completion[]>('/completions', { query: q, signal }),
  });

/** Any write of the requests screens; refreshes requests, tasks and the bell. */
export const useRequestWrite = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; body: unknown }) =>
      api<unknown>(v.path, { method: 'POST', body: v.body }),
    onSuccess: () => {
      for (const k of ['adjustments', 'completions', 'task', 'tasks', 'summary', 'notifications'])
        void qc.invalidateQueries({ queryKey: [k] });
    },
  });
};

export type Evidence = {
  id: number;
  taskId: number;
  unitCode: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
  url: string;
};
export const useEvidence = (taskId: number) =>
  useQuery({
    queryKey: ['evidence', taskId],
    queryFn: ({ signal }) => api<Evidence[]>(`/tasks/${taskId}/evidence`, { signal }),
  });

/** Sends the file itself as the body: no multipart, streamed to disk by the server. */
export async function uploadEvidence(taskId: number, file: File, reportId?: number): Promise<Evidence> {
  const res = await fetch(`/api/v1/tasks/${taskId}/evidence${reportId ? `?reportId=${reportId}` : ''}`, {
    method: 'POST',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
      'x-steerboard-csrf': '1',
      'accept-language': i18next.language || 'vi',
    },
    body: file,
    credentials: 'same-origin',
  });
  const data = (await res.json()) as Evidence & { error?: { code: string; message: string } };
  if (!res.ok)
    throw new ApiError(res.status, data.error?.code ?? 'internal', data.error?.message ?? res.statusText);
  return data;
}

export type NotificationList = {
  unread: number;
  items: { id: number; kind: string; text: string; link: string | null; createdAt: string; read: boolean }[];
};
export const useNotifications = () =>
  useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api<NotificationList>('/notifications', { signal }),
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
export const useMarkRead = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') =>
      api<{ unread: number }>('/notifications/read', { method: 'POST', body: { ids } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
};
