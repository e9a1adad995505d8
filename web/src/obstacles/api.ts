import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Obstacle, ObstacleSummary } from '@shared/schemas/obstacles';
import type { Recommendation, RecommendationSummary } from '@shared/schemas/recommendations';
import type { PilotsOverview } from '@shared/schemas/pilots';
import { api } from '../api/client';

type Q = Record<string, string | number | undefined>;

/** The registers' server state: obstacles, recommendations, pilot models. */
export const useObstacles = (q: Q) =>
  useQuery({
    queryKey: ['obstacles', q],
    queryFn: ({ signal }) => api<Obstacle[]>('/obstacles', { query: q, signal }),
  });
export const useObstacleSummary = (q: Q) =>
  useQuery({
    queryKey: ['obstacles-summary', q],
    queryFn: ({ signal }) => api<ObstacleSummary>('/obstacles/summary', { query: q, signal }),
  });
export const useRecommendations = (q: Q) =>
  useQuery({
    queryKey: ['recommendations', q],
    queryFn: ({ signal }) => api<Recommendation[]>('/recommendations', { query: q, signal }),
  });
export const useRecommendationSummary = (q: Q) =>
  useQuery({
    queryKey: ['recommendations-summary', q],
    queryFn: ({ signal }) => api<RecommendationSummary>('/recommendations/summary', { query: q, signal }),
  });
export const usePilots = (q: Q) =>
  useQuery({
    queryKey: ['pilots', q],
    queryFn: ({ signal }) => api<PilotsOverview>('/pilots', { query: q, signal }),
  });

/** A write to a register; every list of the registers (and tasks, reports) is read again after it. */
export function useRegisterWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; method?: string; body: unknown }) =>
      api<unknown>(v.path, { method: v.method ?? 'POST', body: v.body }),
    onSuccess: () => {
      for (const k of [
        'obstacles',
        'obstacles-summary',
        'recommendations',
        'recommendations-summary',
        'pilots',
        'task',
        'report',
      ])
        void qc.invalidateQueries({ queryKey: [k] });
    },
  });
}
