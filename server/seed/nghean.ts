import type { Calendar } from './calendar.js';
import { arabicUnitName } from './arabic-names.js';
import type { ProgrammeSpec, UnitSpec } from './types.js';

/** The day of article 003 (Nghe An's conference on the Project 06 pilot models). */
export const NGHEAN_ARTICLE_DAY = '2024-04-02';
export const NGHEAN_PROGRAMME = 'NA-DA06-2024';

export const NA = {
  root: 'NA',
  police: 'NA-CA',
  pcOffice: 'NA-VPUB',
  ict: 'NA-STTTT',
  justice: 'NA-STP',
  health: 'NA-SYT',
  education: 'NA-SGDDT',
  labour: 'NA-SLDTBXH',
  finance: 'NA-STC',
  planning: 'NA-SKHDT',
  environment: 'NA-STNMT',
  transport: 'NA-SGTVT',
  homeAffairs: 'NA-SNV',
  insurance: 'NA-BHXH',
  bank: 'NA-NHNN',
  vinh: 'NA-H-VINH',
  cuaLo: 'NA-H-CUALO',
  dienChau: 'NA-H-DIENCHAU',
  nghiLoc: 'NA-H-NGHILOC',
  hungDung: 'NA-P-HUNGDUNG',
  leMao: 'NA-P-LEMAO',
  dienThinh: 'NA-X-DIENTHINH',
  nghiPhong: 'NA-X-NGHIPHONG',
} as const;

export const NA_DIRECTIVES = {
  project06: '06/QĐ-TTg',
  plan2024: '15/KH-TCTĐA06',
  pilots: '22/KH-TCTĐA06',
  conference: '95/TB-UBND',
} as const;

export function ngheanUnits(nextName: () => string): UnitSpec[] {
  const u = (
    code: string,
    nameVi: string,
    nameEn: string,
    kind: string,
    parent: string | null,
    nameAr?: string,
  ): UnitSpec => ({ code, nameVi, nameEn, nameAr, kind, parent, leaderName: nextName() });
  return [
    u(NA.root, 'Tỉnh Nghệ An', 'Nghe An Province', 'province', null, 'مقاطعة نغي آن'),
    u(NA.police, 'Công an tỉnh', 'Provincial Police', 'police', NA.root, 'شرطة المقاطعة'),
    u(
      NA.pcOffice,
      'Văn phòng UBND tỉnh',
      "Office of the Provincial People's Committee",
      'department',
      NA.root,
      'مكتب اللجنة الشعبية للمقاطعة',
    ),
    u(
      NA.ict,
      'Sở Thông tin và Truyền thông',
      'Department of Information and Communications',
      'department',
      NA.root,
      'دائرة المعلومات والاتصالات',
    ),
    u(NA.justice, 'Sở Tư pháp', 'Department of Justice', 'department', NA.root, 'دائرة العدل'),
    u(NA.health, 'Sở Y tế', 'Department of Health', 'department', NA.root, 'دائرة الصحة'),
    u(
      NA.education,
      'Sở Giáo dục và Đào tạo',
      'Department of Education and Training',
      'department',
      NA.root,
      'دائرة التعليم والتدريب',
    ),
    u(
      NA.labour,
      'Sở Lao động - Thương binh và Xã hội',
      'Department of Labour, Invalids and Social Affairs',
      'department',
      NA.root,
      'دائرة العمل والشؤون الاجتماعية',
    ),
    u(NA.finance, 'Sở Tài chính', 'Department of Finance', 'department', NA.root, 'دائرة المالية'),
    u(
      NA.planning,
      'Sở Kế hoạch và Đầu tư',
      'Department of Planning and Investment',
      'department',
      NA.root,
      'دائرة التخطيط والاستثمار',
    ),
    u(
      NA.environment,
      'Sở Tài nguyên và Môi trường',
      'Department of Natural Resources and Environment',
      'department',
      NA.root,
      'دائرة الموارد الطبيعية والبيئة',
    ),
    u(NA.transport, 'Sở Giao thông vận tải', 'Department of Transport', 'department', NA.root, 'دائرة النقل'),
    u(
      NA.homeAffairs,
      'Sở Nội vụ',
      'Department of Home Affairs',
      'department',
      NA.root,
      'دائرة الشؤون الداخلية',
    ),
    u(
      NA.insurance,
      'Bảo hiểm xã hội tỉnh',
      'Provincial Social Insurance',
      'other',
      NA.root,
      'الضمان الاجتماعي في المقاطعة',
    ),
    u(
      NA.bank,
      'Ngân hàng Nhà nước chi nhánh Nghệ An',
      'State Bank of Vietnam, Nghe An branch',
      'other',
      NA.root,
      'بنك الدولة الفيتنامي، فرع نغي آن',
    ),
    u(NA.vinh, 'Thành phố Vinh', 'Vinh City', 'district', NA.root, 'مدينة فينه'),
    u(NA.cuaLo, 'Thị xã Cửa Lò', 'Cua Lo Town', 'district', NA.root, arabicUnitName('town', 'Cửa Lò')),
    u(
      NA.dienChau,
      'Huyện Diễn Châu',
      'Dien Chau District',
      'district',
      NA.root,
      arabicUnitName('district', 'Diễn Châu'),
    ),
    u(
      NA.nghiLoc,
      'Huyện Nghi Lộc',
      'Nghi Loc District',
      'district',
      NA.root,
      arabicUnitName('district', 'Nghi Lộc'),
    ),
    u(
      NA.hungDung,
      'Phường Hưng Dũng',
      'Hung Dung Ward',
      'ward',
      NA.vinh,
      arabicUnitName('ward', 'Hưng Dũng'),
    ),
    u(NA.leMao, 'Phường Lê Mao', 'Le Mao Ward', 'ward', NA.vinh, arabicUnitName('ward', 'Lê Mao')),
    u(
      NA.dienThinh,
      'Xã Diễn Thịnh',
      'Dien Thinh Commune',
      'commune',
      NA.dienChau,
      arabicUnitName('commune', 'Diễn Thịnh'),
    ),
    u(
      NA.nghiPhong,
      'Xã Nghi Phong',
      'Nghi Phong Commune',
      'commune',
      NA.nghiLoc,
      arabicUnitName('commune', 'Nghi Phong'),
    ),
  ];
}

export function ngheanProgramme(cal: Calendar, units: Map<string, UnitSpec>): ProgrammeSpec {
  const leader = (code: string) => {
    const u = units.get(code);
    if (!u) throw new Error(`Unknown unit ${code}`);
    return u.leaderName;
  };
  return {
    code: NGHEAN_PROGRAMME,
    nameVi: 'Nghệ An — Đề án 06, năm 2024',
    nameEn: 'Nghe An — Project 06, 2024',
    nameAr: 'نغي آن — المشروع 06، عام 2024',
    description:
      'Kế hoạch triển khai Đề án 06 của Chính phủ trên địa bàn tỉnh năm 2024: 10 nhóm, 51 nhiệm vụ và 38 mô hình điểm. Tinh thần "rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm".',
    root: NA.root,
    standing: NA.police,
    startsOn: cal.rel('2024-01-01'),
    endsOn: cal.rel('2024-12-31'),
    warningThresholds: {},
    groups: [
      ['N01', 'Hoàn thiện thể chế, chính sách', 'Institutions and policy', 'المؤسسات والسياسات'],
      [
        'N02',
        'Giải quyết thủ tục hành chính, dịch vụ công trực tuyến',
        'Procedures and online public services',
        'الإجراءات والخدمات العامة عبر الإنترنت',
      ],
      [
        'N03',
        'Phục vụ phát triển kinh tế - xã hội',
        'Socio-economic development',
        'التنمية الاقتصادية والاجتماعية',
      ],
      ['N04', 'Phục vụ phát triển công dân số', 'Digital citizenship', 'المواطنة الرقمية'],
      [
        'N05',
        'Hệ sinh thái kết nối, khai thác dữ liệu dân cư',
        'Population-data ecosystem',
        'منظومة بيانات السكان',
      ],
      ['N06', 'Phục vụ chỉ đạo, điều hành', 'Direction and operations', 'التوجيه والإدارة'],
      [
        'N07',
        'Hạ tầng kỹ thuật, an ninh, an toàn thông tin',
        'Infrastructure and information security',
        'البنية التحتية وأمن المعلومات',
      ],
      [
        'N08',
        'Làm sạch, đồng bộ dữ liệu chuyên ngành',
        'Cleaning and syncing sector data',
        'تنقية البيانات القطاعية ومزامنتها',
      ],
      ['N09', 'Nguồn lực, kinh phí thực hiện', 'Resources and funding', 'الموارد والتمويل'],
      [
        'N10',
        'Tuyên truyền, kiểm tra, đôn đốc',
        'Communication, inspection and urging',
        'التوعية والتفتيش والمتابعة',
      ],
    ].map(([code, nameVi, nameEn, nameAr]) => ({
      code: code!,
      nameVi: nameVi!,
      nameEn: nameEn!,
      nameAr: nameAr!,
    })),
    steering: [
      { position: 'chair', personName: 'Nguyễn Đức Trung', title: 'Chủ tịch UBND tỉnh', unit: NA.root },
      {
        position: 'standing_deputy',
        personName: leader(NA.police),
        title: 'Giám đốc Công an tỉnh',
        unit: NA.police,
      },
      {
        position: 'deputy',
        personName: 'Lê Hồng Vinh',
        title: 'Phó Chủ tịch Thường trực UBND tỉnh',
        unit: NA.root,
      },
      {
        position: 'member',
        personName: leader(NA.pcOffice),
        title: 'Chánh Văn phòng UBND tỉnh',
        unit: NA.pcOffice,
      },
      {
        position: 'member',
        personName: leader(NA.ict),
        title: 'Giám đốc Sở Thông tin và Truyền thông',
        unit: NA.ict,
      },
      { position: 'member', personName: leader(NA.justice), title: 'Giám đốc Sở Tư pháp', unit: NA.justice },
    ],
    directives: [
      {
        number: NA_DIRECTIVES.project06,
        issuedOn: cal.rel('2022-01-06'),
        issuer: 'Thủ tướng Chính phủ',
        title:
          'Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022–2025, tầm nhìn đến năm 2030',
      },
      {
        number: NA_DIRECTIVES.plan2024,
        issuedOn: cal.rel('2024-01-05'),
        issuer: 'Tổ công tác triển khai Đề án 06 tỉnh Nghệ An',
        title: 'Kế hoạch triển khai Đề án 06 năm 2024 (10 nhóm, 51 nhiệm vụ)',
      },
      {
        number: NA_DIRECTIVES.pilots,
        issuedOn: cal.rel('2024-01-10'),
        issuer: 'Tổ công tác triển khai Đề án 06 tỉnh Nghệ An',
        title: 'Kế hoạch triển khai 38 mô hình điểm Đề án 06',
      },
      {
        number: NA_DIRECTIVES.conference,
        issuedOn: cal.today,
        issuer: 'UBND tỉnh Nghệ An',
        title: 'Kết luận Hội nghị triển khai giải pháp đẩy mạnh thực hiện các mô hình điểm Đề án 06',
      },
    ],
  };
}
