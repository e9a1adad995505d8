import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../lib/app-error.js';

const run = promisify(execFile);
const CANDIDATES = ['soffice', 'libreoffice'];

/** Which LibreOffice binary is on this machine, if any (checked once). */
let found: Promise<string | null> | undefined;
export function libreOffice(): Promise<string | null> {
  found ??= (async () => {
    for (const bin of CANDIDATES) {
      try {
        await run(bin, ['--version'], { timeout: 20_000 });
        return bin;
      } catch {
        /* try the next */
      }
    }
    return null;
  })();
  return found;
}

/** DOCX → PDF through LibreOffice (headless, its own profile); a clear error when it is not installed. */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const bin = await libreOffice();
  if (!bin) throw new AppError('pdf_unavailable');
  const dir = await mkdtemp(path.join(tmpdir(), 'sb-brief-'));
  try {
    const input = path.join(dir, 'brief.docx');
    await writeFile(input, docx);
    await run(
      bin,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000 },
    );
    return await readFile(path.join(dir, 'brief.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
