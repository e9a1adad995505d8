/**
 * The kinds of evidence accepted: documents, spreadsheets, slides, images, PDF and plain text.
 * A file passes only when its name, its declared type and its first bytes agree, so an
 * executable renamed report.pdf is refused. Archives and anything executable never pass.
 */
type Kind = { ext: string[]; types: string[]; magic: (head: Buffer) => boolean };

const starts = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const isText = (head: Buffer) => !head.includes(0);

const KINDS: Kind[] = [
  { ext: ['pdf'], types: ['application/pdf'], magic: (h) => starts(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  {
    ext: ['docx'],
    types: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    magic: (h) => starts(h, ZIP),
  },
  {
    ext: ['xlsx'],
    types: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    magic: (h) => starts(h, ZIP),
  },
  {
    ext: ['pptx'],
    types: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    magic: (h) => starts(h, ZIP),
  },
  { ext: ['odt'], types: ['application/vnd.oasis.opendocument.text'], magic: (h) => starts(h, ZIP) },
  { ext: ['ods'], types: ['application/vnd.oasis.opendocument.spreadsheet'], magic: (h) => starts(h, ZIP) },
  { ext: ['doc'], types: ['application/msword'], magic: (h) => starts(h, OLE) },
  { ext: ['xls'], types: ['application/vnd.ms-excel'], magic: (h) => starts(h, OLE) },
  {
    ext: ['png'],
    types: ['image/png'],
    magic: (h) => starts(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { ext: ['jpg', 'jpeg'], types: ['image/jpeg'], magic: (h) => starts(h, [0xff, 0xd8, 0xff]) },
  { ext: ['txt'], types: ['text/plain'], magic: isText },
  { ext: ['csv'], types: ['text/csv', 'text/plain'], magic: isText },
];

export const ALLOWED_EXTENSIONS = KINDS.flatMap((k) => k.ext);

/** The canonical media type of an accepted file, or null when name, type and content disagree. */
export function acceptedType(fileName: string, declaredType: string, head: Buffer): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) return null;
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (declared !== 'application/octet-stream' && !kind.types.includes(declared)) return null;
  return kind.magic(head) ? kind.types[0]! : null;
}

/** A name safe to show and to put in a Content-Disposition header: no paths, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'file').slice(0, 200);
}
