import { describe, expect, it } from 'vitest';
import { readDeadline, readDeadlineInProse, readDocumentDate } from './deadlines.js';

const DOC = '2025-05-30';
const at = (text: string, doc: string | null = DOC) => readDeadline(text, doc);

describe('Vietnamese deadlines', () => {
  it.each([
    ['trước ngày 30/6/2025', '2025-06-30'],
    ['Trước 15/8/2025', '2025-08-15'],
    ['trước ngày 30-6-2025', '2025-06-30'],
    ['chậm nhất ngày 01.07.2025', '2025-07-01'],
    ['ngày 15 tháng 10 năm 2025', '2025-10-15'],
    ['trong tháng 12/2025', '2025-12-31'],
    ['Tháng 02/2024', '2024-02-29'],
    ['tháng 2 năm 2025', '2025-02-28'],
    ['12/2025', '2025-12-31'],
    ['Quý I/2026', '2026-03-31'],
    ['Quý II/2026', '2026-06-30'],
    ['Quý III/2025', '2025-09-30'],
    ['Quý IV/2025', '2025-12-31'],
    ['quý 4 năm 2025', '2025-12-31'],
    ['6 tháng đầu năm 2026', '2026-06-30'],
    ['9 tháng đầu năm 2026', '2026-09-30'],
    ['6 tháng cuối năm 2025', '2025-12-31'],
    ['Năm 2026', '2026-12-31'],
    ['năm 2026', '2026-12-31'],
    ['2026', '2026-12-31'],
    ['cuối năm 2025', '2025-12-31'],
    ['Đến năm 2030', '2030-12-31'],
    ['2025–2026', '2026-12-31'],
    ['2025 - 2026', '2026-12-31'],
    ['giai đoạn 2026-2030', '2030-12-31'],
    ['Quý III/2025; hoàn thành trước 30/9/2025', '2025-09-30'],
    ['TRƯỚC NGÀY 31/12/2025', '2025-12-31'],
  ])('%s → %s', (text, deadline) => {
    const r = at(text);
    expect(r.deadline).toBe(deadline);
    expect(r.yearFromDocument).toBe(false);
    expect(r.malformed).toBe(false);
  });

  it('takes a missing year from the document date, and says so', () => {
    expect(at('trước ngày 15/10')).toMatchObject({ deadline: '2025-10-15', yearFromDocument: true });
    expect(at('Quý II')).toMatchObject({ deadline: '2025-06-30', yearFromDocument: true });
    expect(at('trong tháng 3')).toMatchObject({ deadline: '2025-03-31', yearFromDocument: true });
    expect(at('6 tháng đầu năm')).toMatchObject({ deadline: '2025-06-30', yearFromDocument: true });
    // Without a document date there is no year to take: no deadline.
    expect(at('trước ngày 15/10', null).deadline).toBeNull();
  });

  it.each([
    ['Thường xuyên', 'continuous'],
    ['liên tục', 'continuous'],
    ['Hằng năm', 'yearly'],
    ['hàng năm', 'yearly'],
    ['hằng quý', 'quarterly'],
    ['Hàng quý', 'quarterly'],
    ['hằng tháng', 'monthly'],
    ['định kỳ hằng tháng', 'monthly'],
    ['mỗi quý', 'quarterly'],
  ])('%s recurs %s', (text, recurrence) => {
    expect(at(text)).toMatchObject({ recurrence, deadline: null });
  });

  it('a first deadline and a recurrence together', () => {
    expect(at('Năm 2025 và hằng năm')).toMatchObject({ deadline: '2025-12-31', recurrence: 'yearly' });
    expect(at('Quý IV/2025, sau đó thường xuyên')).toMatchObject({
      deadline: '2025-12-31',
      recurrence: 'continuous',
    });
  });

  it('words that are no date are not understood, never guessed', () => {
    expect(at('31/2/2025')).toMatchObject({ deadline: null, malformed: true });
    expect(at('30/13/2025')).toMatchObject({ deadline: null, malformed: true });
    expect(at('Quý V/2025').deadline).toBeNull();
    expect(at('theo tiến độ dự án').deadline).toBeNull();
    expect(at('').deadline).toBeNull();
    expect(at('năm 3025').deadline).toBeNull();
  });

  it('keeps the words it read, in their own spelling', () => {
    expect(at('Hoàn thành trước ngày 30/6/2025').text).toBe('Hoàn thành trước ngày 30/6/2025');
    expect(at('Năm 2026').text).toBe('Năm 2026');
  });

  it('in running text, reads only after a time word and never a cited document or its date', () => {
    const r = readDeadlineInProse(
      'Sở Tài chính chủ trì triển khai Kế hoạch số 561/KH-UBND ngày 29/9/2022 của tỉnh, hoàn thành trước ngày 30/6/2025.',
      null,
    );
    expect(r.deadline).toBe('2025-06-30');
    expect(r.text).toBe('trước ngày 30/6/2025');
    expect(
      readDeadlineInProse('Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.', null)
        .deadline,
    ).toBeNull();
    expect(
      readDeadlineInProse('Quyết định 06/QĐ-TTg ngày 06 tháng 01 năm 2022 về Đề án 06.', null).deadline,
    ).toBeNull();
    expect(readDeadlineInProse('Báo cáo kết quả hằng quý về Sở Nội vụ.', null).recurrence).toBe('quarterly');
    expect(readDeadlineInProse('Tổ chức thực hiện trong Quý III/2025.', null).deadline).toBe('2025-09-30');
    expect(readDeadlineInProse('Đơn vị triển khai 40 nhóm thông tin.', null).deadline).toBeNull();
  });

  it('finds the document date in its header', () => {
    expect(readDocumentDate('Số: 344/KH-UBND\nBắc Ninh, ngày 30 tháng 5 năm 2025')).toBe('2025-05-30');
    expect(readDocumentDate('Đắk Lắk, ngày 24 tháng 12 năm 2025')).toBe('2025-12-24');
    expect(readDocumentDate('no date here')).toBeNull();
  });
});
