import { describe, expect, it } from 'vitest';
import {
  buildUnitIndex,
  matchUnit,
  matchUnitList,
  unitAtStart,
  unitKey,
  type UnitEntry,
} from './match-units.js';

const U: UnitEntry[] = [
  ['HN', 'Thành phố Hà Nội', 'city'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'department'],
  ['STC', 'Sở Tài chính', 'department'],
  ['SNV', 'Sở Nội vụ', 'department'],
  ['CATP', 'Công an Thành phố', 'police'],
  ['VPUB', 'Văn phòng UBND Thành phố', 'department'],
  ['VPTU', 'Văn phòng Thành ủy', 'party_office'],
  ['SVHTT', 'Sở Văn hóa và Thể thao', 'department'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'department'],
  ['TTHCC', 'Trung tâm Phục vụ hành chính công Thành phố', 'other'],
  ['P-BD', 'Phường Ba Đình', 'ward'],
  ['X-SS', 'Xã Sóc Sơn', 'commune'],
  ['X-DA', 'Xã Đông Anh', 'commune'],
].map(([code, nameVi, kind], i) => ({
  id: i + 1,
  code: code!,
  nameVi: nameVi!,
  nameEn: null,
  kind: kind!,
  depth: i ? 1 : 0,
}));
const id = (code: string) => U.find((u) => u.code === code)!.id;
const ix = buildUnitIndex(U);
const one = (text: string) => matchUnit(ix, text);

describe('matching units of the tree', () => {
  it.each([
    ['Sở Khoa học và Công nghệ', 'SKHCN'],
    ['Sở KH&CN', 'SKHCN'],
    ['Sở KH-CN', 'SKHCN'],
    ['sở khoa hoc va cong nghe', 'SKHCN'],
    ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'SKHCN'],
    ['Sở GD&ĐT', 'SGDDT'],
    ['Công an tỉnh', 'CATP'],
    ['Công an TP. Hà Nội', 'CATP'],
    ['Công an Thành phố Hà Nội', 'CATP'],
    ['Văn phòng UBND tỉnh', 'VPUB'],
    ['VP UBND TP', 'VPUB'],
    ['Văn phòng Tỉnh ủy', 'VPTU'],
    ['UBND tỉnh', 'HN'],
    ['UBND Thành phố', 'HN'],
    ['Sở Tài chính tỉnh', 'STC'],
    ['Trung tâm Phục vụ hành chính công', 'TTHCC'],
    ['Trung tâm Phục vụ hành chính công TP. Hà Nội', 'TTHCC'],
    ['UBND xã Sóc Sơn', 'X-SS'],
    ['Giám đốc Sở Nội vụ', 'SNV'],
    ['STC', 'STC'],
  ])('%s → %s', (text, code) => {
    expect(one(text)).toMatchObject({ status: 'matched', ids: [id(code)] });
  });

  it('plurals become sets of the tree', () => {
    const communes = [id('P-BD'), id('X-SS'), id('X-DA')];
    expect(one('UBND cấp xã')).toMatchObject({ status: 'set', ids: communes });
    expect(one('UBND các xã, phường')).toMatchObject({ status: 'set', ids: communes });
    expect(one('các xã, phường')).toMatchObject({ status: 'set', ids: communes });
    expect(one('UBND các xã')).toMatchObject({ status: 'set', ids: [id('X-SS'), id('X-DA')] });
    expect(one('UBND các phường')).toMatchObject({ status: 'set', ids: [id('P-BD')] });
    const depts = one('các sở, ban, ngành');
    expect(depts.status).toBe('set');
    expect(depts.ids).toContain(id('STC'));
    expect(depts.ids).not.toContain(id('X-SS'));
    expect(depts.ids).not.toContain(id('VPTU'));
    // No district in a two-level tree: a set of nothing is flagged.
    expect(one('UBND các huyện').status).toBe('unmatched');
  });

  it('anything else is flagged, with close units suggested but not chosen', () => {
    const tt = one('Sở TT&TT');
    expect(tt.status).toBe('unmatched');
    expect(tt.ids).toEqual([]);
    const partial = one('Sở Khoa học');
    expect(partial.status).toBe('unmatched');
    expect(partial.suggestions).toContain(id('SKHCN'));
    expect(one('các cơ quan, đơn vị liên quan').status).toBe('vague');
  });

  it('two units with one name are ambiguous', () => {
    const twice = buildUnitIndex([
      ...U,
      { id: 99, code: 'STC2', nameVi: 'Sở Tài chính', nameEn: null, kind: 'x', depth: 1 },
    ]);
    expect(matchUnit(twice, 'Sở Tài chính')).toMatchObject({
      status: 'ambiguous',
      suggestions: [id('STC'), 99],
    });
  });

  it('splits lists: commas inside a plural, "và" only before another unit, a shared head', () => {
    const list = matchUnitList(ix, 'Sở Tài chính, Sở Nội vụ và UBND các xã, phường');
    expect(list.map((m) => m.status)).toEqual(['matched', 'matched', 'set']);
    const headed = matchUnitList(
      ix,
      'các Sở: Khoa học và Công nghệ, Tài chính, Nội vụ; Công an tỉnh và các cơ quan liên quan',
    );
    expect(headed.map((m) => m.ids[0])).toEqual([id('SKHCN'), id('STC'), id('SNV'), id('CATP'), undefined]);
    expect(headed.at(-1)!.status).toBe('vague');
    const unknown = matchUnitList(ix, 'Sở Ngoại vụ và Sở Tài chính');
    expect(unknown.map((m) => m.status)).toEqual(['unmatched', 'matched']);
  });

  it('finds the unit a sentence begins with, the longest name first', () => {
    expect(unitAtStart(ix, 'Sở Khoa học và Công nghệ hướng dẫn các đơn vị')).toMatchObject({ length: 24 });
    expect(unitAtStart(ix, 'UBND tỉnh chủ trì, phối hợp')?.match.ids).toEqual([id('HN')]);
    expect(unitAtStart(ix, 'Tổ chức tập huấn cho cán bộ')).toBeNull();
  });

  it('keys fold diacritics, abbreviations and the province level', () => {
    expect(unitKey('Sở TT&TT')).toBe('so thong tin va truyen thong');
    expect(unitKey('Công an tỉnh')).toBe(unitKey('Công an Thành phố'));
    expect(unitKey('UBND TP.')).toBe('uy ban nhan dan @');
  });
});
