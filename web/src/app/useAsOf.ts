import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The "as of" date of every figure on screen, kept in the URL (`?asOf=YYYY-MM-DD`) so a past week
 * can be replayed, bookmarked and shared. Absent means the server's today.
 */
export function useAsOf(): [string | undefined, (d: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const asOf = raw && ISO_DATE.test(raw) ? raw : undefined;
  const setAsOf = useCallback(
    (d: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (d) next.set('asOf', d);
          else next.delete('asOf');
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  return [asOf, setAsOf];
}

/** A path with the current "as of" date carried over, for links between pages. */
export function withAsOf(path: string, asOf: string | undefined, extra?: Record<string, string>) {
  const p = new URLSearchParams(extra);
  if (asOf) p.set('asOf', asOf);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}
