import { i18next } from '../i18n';
import { toQueryString } from '../api/client';

/**
 * Downloads a file from the API with the reader's language (a plain link would send the browser's
 * Accept-Language, not the one chosen in the app) and saves it under the server's file name.
 */
export async function download(path: string, query: Record<string, string | number | undefined>) {
  const res = await fetch(`/api/v1${path}${toQueryString(query)}`, {
    headers: { 'accept-language': i18next.language || 'vi' },
  });
  if (!res.ok) throw new Error(`${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'steerboard';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
