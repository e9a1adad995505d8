import { describe, expect, it } from 'vitest';
import { foldText } from './text-fold.js';

describe('foldText', () => {
  it('drops Vietnamese diacritics, đ and case', () => {
    expect(foldText('Hà Nội')).toBe('ha noi');
    expect(foldText('ĐỀ ÁN 06 — Đổi mới sáng tạo')).toBe('de an 06 — doi moi sang tao');
    expect(foldText('  Phường   Hoàn Kiếm ')).toBe('phuong hoan kiem');
  });
});
