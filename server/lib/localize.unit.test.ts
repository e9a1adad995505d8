import { describe, expect, it } from 'vitest';
import { accountName, pickName } from './localize.js';

describe('names in the reader’s language', () => {
  it('uses the translation when there is one', () => {
    expect(pickName('ar', 'Xã Mỹ Đức', 'My Duc Commune', 'بلدية مي دوك')).toBe('بلدية مي دوك');
    expect(pickName('en', 'Xã Mỹ Đức', 'My Duc Commune', null)).toBe('My Duc Commune');
    expect(pickName('en', 'Xã Mỹ Đức', null, null)).toBe('Xã Mỹ Đức');
  });
  it('reads a unit without an Arabic name as its kind in Arabic and its proper name, isolated', () => {
    expect(pickName('ar', 'Xã Mỹ Đức', 'My Duc Commune', null)).toBe('بلدية \u2068Mỹ Đức\u2069');
    expect(pickName('ar', 'Phường Hoàn Kiếm', null, null)).toBe('حي \u2068Hoàn Kiếm\u2069');
    expect(pickName('ar', 'Thị xã Cửa Lò', 'Cua Lo Town', null)).toBe('بلدة \u2068Cửa Lò\u2069');
  });
  it('isolates any other untranslated name (English first) so it keeps its order in Arabic', () => {
    expect(pickName('ar', 'Tổ công tác', 'Working group', null)).toBe('\u2068Working group\u2069');
    expect(pickName('ar', 'Tổ công tác', null, null)).toBe('\u2068Tổ công tác\u2069');
  });
});

describe('account names', () => {
  const finance = { vi: 'Sở Tài chính', en: 'Department of Finance', ar: 'دائرة المالية' };
  it('names an office account by its office in the reader’s language', () => {
    const office = 'Chuyên viên Sở Tài chính (thường trực)';
    expect(accountName('vi', office, finance)).toBe(office);
    expect(accountName('en', office, finance)).toBe('Department of Finance');
    expect(accountName('ar', office, finance)).toBe('دائرة المالية');
  });
  it('keeps a person’s name as written, isolated in Arabic', () => {
    expect(accountName('en', 'Trương Việt Dũng', finance)).toBe('Trương Việt Dũng');
    expect(accountName('ar', 'Trương Việt Dũng', finance)).toBe('\u2068Trương Việt Dũng\u2069');
    expect(accountName('ar', null, finance)).toBeNull();
  });
});
