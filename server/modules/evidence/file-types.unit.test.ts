import { describe, expect, it } from 'vitest';
import { acceptedType, cleanFileName } from './file-types.js';

const pdf = Buffer.from('%PDF-1.7\n');
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
const exe = Buffer.from('MZ\x90\x00');

describe('evidence file types', () => {
  it('accepts a file whose name, type and first bytes agree', () => {
    expect(acceptedType('Biên bản.pdf', 'application/pdf', pdf)).toBe('application/pdf');
    expect(acceptedType('bao-cao.XLSX', 'application/octet-stream', zip)).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(acceptedType('list.csv', 'text/csv; charset=utf-8', Buffer.from('a,b\n1,2'))).toBe('text/csv');
  });
  it('refuses executables, archives, and disguised files', () => {
    expect(acceptedType('setup.exe', 'application/octet-stream', exe)).toBeNull();
    expect(acceptedType('report.pdf', 'application/pdf', exe)).toBeNull();
    expect(acceptedType('files.zip', 'application/zip', zip)).toBeNull();
    expect(acceptedType('report.pdf', 'text/html', pdf)).toBeNull();
    expect(acceptedType('notes.txt', 'text/plain', Buffer.from([0x41, 0x00, 0x42]))).toBeNull();
    expect(acceptedType('noextension', 'application/pdf', pdf)).toBeNull();
  });
  it('cleans names of paths and control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\a\\"Báo cáo"\r\n.pdf')).toBe('Báo cáo.pdf');
    expect(cleanFileName('')).toBe('file');
  });
});
