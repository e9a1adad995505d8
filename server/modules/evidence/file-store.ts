import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { ALLOWED_EXTENSIONS, acceptedType, cleanFileName } from './file-types.js';

export type IncomingFile = { name: string; type: string; length?: number; body: Readable };
export type StoredFile = {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey: string;
};

/**
 * Streams an upload into the files folder (decision 7): counted against the size limit while it
 * arrives, hashed, checked by name, declared type and first bytes, then moved under a random
 * name. `extensions` narrows the allow-list (a directive is a PDF or a Word file). Nothing is kept
 * when a check fails.
 */
export async function storeUpload(
  opts: { filesDir: string; maxBytes: number; clock: Clock; extensions?: readonly string[] },
  file: IncomingFile,
): Promise<StoredFile> {
  const allowed = opts.extensions ?? ALLOWED_EXTENSIONS;
  const maxMb = Math.round(opts.maxBytes / 1_048_576);
  if (file.length !== undefined && file.length > opts.maxBytes)
    throw new AppError('file_too_large', { maxMb });
  const name = cleanFileName(file.name);
  const tmpDir = path.join(opts.filesDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomBytes(16).toString('hex'));
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      file.body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > opts.maxBytes) throw new AppError('file_too_large', { maxMb });
          if (head.length < 512) head = Buffer.concat([head, chunk]).subarray(0, 512);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(tmp, { flags: 'wx' }),
    );
    const ext = name.toLowerCase().split('.').pop() ?? '';
    const mediaType = size > 0 && allowed.includes(ext) ? acceptedType(name, file.type, head) : null;
    if (!mediaType) throw new AppError('file_type_forbidden', { allowed: allowed.join(', ') }, 'file');
    const key = path.posix.join(String(opts.clock.now().getUTCFullYear()), randomBytes(16).toString('hex'));
    await mkdir(path.join(opts.filesDir, path.dirname(key)), { recursive: true });
    await rename(tmp, path.join(opts.filesDir, key));
    return { fileName: name, mediaType, size, sha256: hash.digest('hex'), storageKey: key };
  } finally {
    await rm(tmp, { force: true });
  }
}
