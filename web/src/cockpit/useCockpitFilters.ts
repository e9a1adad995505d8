import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const id = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** The cockpit's drill-down (group, unit) lives in the URL beside the "as of" date. */
export function useCockpitFilters() {
  const [params, setParams] = useSearchParams();
  const groupId = id(params.get('groupId'));
  const unitId = id(params.get('unitId'));
  const set = useCallback(
    (next: { groupId?: number | null; unitId?: number | null }) =>
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined) continue;
          if (v === null) p.delete(k);
          else p.set(k, String(v));
        }
        return p;
      }),
    [setParams],
  );
  return { groupId, unitId, set };
}
