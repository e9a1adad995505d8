import type { ImportResult } from '@shared/schemas/records';
import { i18next } from '../i18n';
import { ApiError } from '../api/client';

/**
 * Sends a file as the request body with XMLHttpRequest, which reports upload progress (fetch
 * does not). The server imports while it reads, so bytes sent follow the rows imported.
 */
export function uploadRecords(
  file: File,
  query: { mode: string; encoding: string },
  onProgress: (fraction: number) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const q = new URLSearchParams({ mode: query.mode, encoding: query.encoding });
    xhr.open('POST', `/api/v1/service-records/imports?${q.toString()}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('x-steerboard-csrf', '1');
    xhr.setRequestHeader('accept-language', i18next.language || 'vi');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', i18next.t('common.offline')));
    xhr.onload = () => {
      const data = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as ImportResult);
      const err = (data as { error?: { code: string; message: string } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? 'internal', err?.message ?? xhr.statusText));
    };
    xhr.send(file);
  });
}
