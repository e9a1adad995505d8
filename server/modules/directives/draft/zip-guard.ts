import JSZip from 'jszip';
import { AppError } from '../../../lib/app-error.js';

/** Limits of an uploaded DOCX, checked before anything is inflated. */
export const ZIP_LIMITS = {
  entries: 2_000,
  /** Declared uncompressed size of all entries together. */
  totalBytes: 100 * 1_048_576,
  /** Of the one entry we read (word/document.xml). */
  entryBytes: 40 * 1_048_576,
  /** Compression ratio past which a large entry is a bomb, not a document. */
  ratio: 200,
};

type ZipStream = {
  on(event: 'data', fn: (chunk: Uint8Array) => void): ZipStream;
  on(event: 'error', fn: (e: unknown) => void): ZipStream;
  on(event: 'end', fn: () => void): ZipStream;
  pause(): ZipStream;
  resume(): ZipStream;
};

export type ZipEntry = { name: string; compressed: number; uncompressed: number };

/**
 * The entries of a zip as its central directory declares them, read from the bytes (no
 * inflating). Zip64 archives are refused: no Word document needs one.
 */
export function zipDirectory(buf: Buffer): ZipEntry[] {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new AppError('document_unreadable', { format: 'DOCX' });
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new AppError('document_too_large');
  if (count > ZIP_LIMITS.entries) throw new AppError('document_too_large');
  const out: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new AppError('document_unreadable', { format: 'DOCX' });
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.push({ name, compressed, uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Refuses a zip whose declared sizes are those of a bomb. */
export function checkZipSizes(entries: ZipEntry[]) {
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > ZIP_LIMITS.totalBytes) throw new AppError('document_zip_bomb');
  for (const e of entries) {
    if (e.uncompressed > ZIP_LIMITS.entryBytes) throw new AppError('document_zip_bomb');
    if (e.uncompressed > 1_048_576 && e.uncompressed > ZIP_LIMITS.ratio * Math.max(1, e.compressed))
      throw new AppError('document_zip_bomb');
  }
}

/**
 * One entry's text, inflated in chunks that are counted as they come: an entry that declared a
 * small size and inflates past it (a lying header) stops at the limit instead of filling memory.
 */
export async function readZipText(buf: Buffer, name: string): Promise<string | null> {
  const entries = zipDirectory(buf);
  checkZipSizes(entries);
  const declared = entries.find((e) => e.name === name);
  if (!declared) return null;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    throw new AppError('document_unreadable', { format: 'DOCX' });
  }
  const file = zip.file(name);
  if (!file) return null;
  const cap = Math.min(ZIP_LIMITS.entryBytes, declared.uncompressed + 1024);
  const chunks: Uint8Array[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    // JSZip's chunked inflating (typed only in its sources): each chunk is counted before the next.
    const stream = (file as unknown as { internalStream(type: 'uint8array'): ZipStream }).internalStream(
      'uint8array',
    );
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > cap) {
          stream.pause();
          reject(new AppError('document_zip_bomb'));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', () => reject(new AppError('document_unreadable', { format: 'DOCX' })))
      .on('end', () => resolve())
      .resume();
  });
  return Buffer.concat(chunks).toString('utf8');
}
