import { i18next } from '../i18n';

/** The one error shape of the API (`{ error: { code, message, details } }`), as thrown by `api`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** Builds a query string, dropping empty values and joining lists with commas (as the API expects). */
export function toQueryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

let onUnauthorized: (() => void) | null = null;
/** The shell registers what to do when the session has ended (show the sign-in page). */
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}

export async function api<T>(
  path: string,
  init: { method?: string; query?: Query; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'accept-language': i18next.language || 'vi' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  // Writes carry the CSRF header: a form on another site cannot set it.
  if (method !== 'GET') headers['x-steerboard-csrf'] = '1';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${init.query ? toQueryString(init.query) : ''}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', i18next.t('common.offline'));
  }
  if (res.status === 401 && !path.startsWith('/auth/login')) onUnauthorized?.();
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = (data as { error?: { code: string; message: string; details?: [] } } | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_' + res.status,
      err?.message ?? res.statusText,
      err?.details,
    );
  }
  return data as T;
}
