import type { Calendar } from './calendar.js';
import { HN } from './hanoi-units.js';
import type { ProgrammeSpec, UnitSpec } from './types.js';

/** The day of article 002 (Steering Committee 57's conference): the demo's "today" maps onto it. */
export const HANOI_ARTICLE_DAY = '2025-11-14';

export const HANOI_PROGRAMME = 'HN-NQ57';

/** Directive numbers the task catalogue refers to. */
export const HN_DIRECTIVES = {
  resolution57: '57-NQ/TW',
  government03: '03/NQ-CP',
  government71: '71/NQ-CP',
  cityPlan: '02-KH/BCĐ57',
  conclusion: '05-TB/BCĐ57',
} as const;

export function hanoiProgramme(cal: Calendar, units: Map<string, UnitSpec>): ProgrammeSpec {
  const leader = (code: string) => {
    const u = units.get(code);
    if (!u) throw new Error(`Unknown unit ${code}`);
    return u.leaderName;
  };
  return {
    code: HANOI_PROGRAMME,
    nameVi: 'Hà Nội — Nghị quyết 57',
    nameEn: 'Hanoi — Resolution 57',
    nameAr: 'هانوي — القرار 57',
    description:
      'Thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn Thành phố Hà Nội. Nguyên tắc: "kỷ luật là trên hết — nguồn lực được kết nối — kết quả là thước đo".',
    root: HN.root,
    standing: HN.finance,
    startsOn: cal.rel('2025-01-01'),
    endsOn: cal.rel('2030-12-31'),
    warningThresholds: { disbursementRate: 0.5 },
    groups: [
      { code: 'TC', nameVi: 'Tổ Thể chế', nameEn: 'Institutions', nameAr: 'المؤسسات' },
      { code: 'HT', nameVi: 'Tổ Hạ tầng', nameEn: 'Infrastructure', nameAr: 'البنية التحتية' },
      { code: 'NL', nameVi: 'Tổ Nhân lực', nameEn: 'Human resources', nameAr: 'الموارد البشرية' },
      { code: 'DMST', nameVi: 'Tổ Đổi mới sáng tạo', nameEn: 'Innovation', nameAr: 'الابتكار' },
    ],
    steering: [
      {
        position: 'chair',
        personName: 'Trương Việt Dũng',
        title: 'Phó Chủ tịch UBND Thành phố',
        unit: HN.root,
      },
      {
        position: 'standing_deputy',
        personName: leader(HN.finance),
        title: 'Giám đốc Sở Tài chính',
        unit: HN.finance,
      },
      {
        position: 'deputy',
        personName: leader(HN.science),
        title: 'Giám đốc Sở Khoa học và Công nghệ',
        unit: HN.science,
      },
      {
        position: 'member',
        personName: leader(HN.partyOffice),
        title: 'Chánh Văn phòng Thành ủy',
        unit: HN.partyOffice,
      },
      {
        position: 'member',
        personName: leader(HN.pcOffice),
        title: 'Chánh Văn phòng UBND Thành phố',
        unit: HN.pcOffice,
      },
      {
        position: 'member',
        personName: leader(HN.homeAffairs),
        title: 'Giám đốc Sở Nội vụ',
        unit: HN.homeAffairs,
      },
      {
        position: 'member',
        personName: leader(HN.police),
        title: 'Giám đốc Công an Thành phố',
        unit: HN.police,
      },
      {
        position: 'member',
        personName: leader(HN.treasury),
        title: 'Giám đốc Kho bạc Nhà nước khu vực I',
        unit: HN.treasury,
      },
    ],
    directives: [
      {
        number: HN_DIRECTIVES.resolution57,
        issuedOn: cal.rel('2024-12-22'),
        issuer: 'Bộ Chính trị',
        title:
          'Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
      },
      {
        number: HN_DIRECTIVES.government03,
        issuedOn: cal.rel('2025-01-09'),
        issuer: 'Chính phủ',
        title: 'Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW',
      },
      {
        number: HN_DIRECTIVES.government71,
        issuedOn: cal.rel('2025-04-01'),
        issuer: 'Chính phủ',
        title:
          'Sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW',
      },
      {
        number: HN_DIRECTIVES.cityPlan,
        issuedOn: cal.rel('2025-03-10'),
        issuer: 'Ban Chỉ đạo 57 Thành ủy Hà Nội',
        title: 'Kế hoạch triển khai Nghị quyết 57-NQ/TW trên địa bàn Thành phố (nhiệm vụ do Thành phố giao)',
      },
      {
        number: HN_DIRECTIVES.conclusion,
        issuedOn: cal.today,
        issuer: 'Ban Chỉ đạo 57 Thành ủy Hà Nội',
        title:
          'Kết luận của Trưởng Ban Chỉ đạo tại Hội nghị đánh giá tình hình thực hiện Nghị quyết 57-NQ/TW (3.152 đại biểu, 212 điểm cầu)',
      },
    ],
  };
}
