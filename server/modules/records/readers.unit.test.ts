import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecords, readRows } from './readers.js';
import { parseInstant } from './row.js';

async function all<T>(it: AsyncIterable<T>) {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const chunks = (...parts: string[]) =>
  (async function* () {
    yield* parts;
  })();

describe('the CSV parser', () => {
  it('reads quoted fields, escaped quotes, line breaks in quotes and CRLF, across any chunk split', async () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""","two\nlines"\r\n1,,3\n';
    const expected = [
      ['a', 'b', 'c'],
      ['x, y', 'he said "hi"', 'two\nlines'],
      ['1', '', '3'],
    ];
    expect(await all(csvRecords(chunks(text)))).toEqual(expected);
    for (let cut = 1; cut < text.length; cut++)
      expect(await all(csvRecords(chunks(text.slice(0, cut), text.slice(cut))))).toEqual(expected);
  });
  it('takes the delimiter the header uses (; from a Vietnamese Excel) and a last line without newline', async () => {
    expect(await all(csvRecords(chunks('a;b\n1,5;2')))).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });
  it('counts bytes as it reads', async () => {
    const counter = { bytes: 0 };
    const body = 'record_id,procedure_code,unit_code,received_at,channel\nR1,P,U,2025-07-01,online\n';
    const rows = await all(
      readRows(Readable.from([Buffer.from(body)]), { format: 'csv', encoding: 'utf-8', counter }),
    );
    expect(rows).toEqual([
      {
        row: 1,
        cells: {
          record_id: 'R1',
          procedure_code: 'P',
          unit_code: 'U',
          received_at: '2025-07-01',
          channel: 'online',
        },
      },
    ]);
    expect(counter.bytes).toBe(Buffer.byteLength(body));
  });
});

describe('dates in files', () => {
  it('reads ISO and dd/mm/yyyy, Hanoi time unless an offset is given, and refuses impossible days', () => {
    expect(parseInstant('2025-07-01')!.toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(parseInstant('01/07/2025 08:30')!.toISOString()).toBe('2025-07-01T01:30:00.000Z');
    expect(parseInstant('1/7/2025')!.toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(parseInstant('2025-07-01T08:30:00Z')!.toISOString()).toBe('2025-07-01T08:30:00.000Z');
    expect(parseInstant('2025-07-01T08:30:00+09:00')!.toISOString()).toBe('2025-06-30T23:30:00.000Z');
    for (const bad of ['31/02/2025', '2025-13-01', '07/01/25', 'hôm qua', '2025-07-01 25:00'])
      expect(parseInstant(bad)).toBeNull();
  });
});
