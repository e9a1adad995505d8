import type { Calendar } from './calendar.js';
import { NA, NA_DIRECTIVES as D } from './nghean.js';
import type { Rng } from './random.js';
import type { Quota, Window } from './schedule.js';
import type { TaskSpec } from './types.js';

/** Article 003: 51 tasks of which 10 due in Q1 are not completed; 38 pilots: 6 done, 20 in progress, 12 not started. */
export const NGHEAN_QUOTAS: { tasks: Quota; pilots: Quota } = {
  tasks: {
    states: { done_on_time: 9, done_late: 3, overdue: 10, in_progress: 20, not_started: 9 },
    recentDone: 3,
  },
  pilots: { states: { done_on_time: 5, done_late: 1, in_progress: 20, not_started: 12 }, recentDone: 2 },
};

type Row = [group: string, lead: string, title: string, deliverable: string, target?: string];

const TASKS: Row[] = [
  [
    'N01',
    NA.justice,
    'Rà soát, đề xuất sửa đổi văn bản quy phạm pháp luật gây vướng mắc khi triển khai Đề án 06',
    'Báo cáo rà soát và kiến nghị sửa đổi',
  ],
  [
    'N01',
    NA.ict,
    'Hoàn thiện hành lang pháp lý, ban hành quy chế vận hành Trung tâm điều hành thông minh (IOC) tỉnh',
    'Quy chế vận hành IOC được UBND tỉnh ban hành',
  ],
  [
    'N01',
    NA.police,
    'Ban hành quy chế phối hợp kết nối, chia sẻ dữ liệu dân cư giữa Công an tỉnh và các sở, ngành',
    'Quy chế phối hợp được ký ban hành',
  ],
  [
    'N01',
    NA.ict,
    'Ban hành danh mục cơ sở dữ liệu dùng chung của tỉnh',
    'Quyết định ban hành danh mục cơ sở dữ liệu dùng chung',
  ],
  [
    'N01',
    NA.pcOffice,
    'Ban hành quy định sử dụng chữ ký số, chứng thực điện tử trong cơ quan nhà nước',
    'Quy định sử dụng chữ ký số',
    '100% văn bản được ký số',
  ],
  [
    'N02',
    NA.pcOffice,
    'Cung cấp 53 dịch vụ công thiết yếu trên Cổng Dịch vụ công quốc gia',
    'Danh mục 53 dịch vụ công thiết yếu được cung cấp trực tuyến',
    '53/53 dịch vụ công',
  ],
  [
    'N02',
    NA.pcOffice,
    'Tái cấu trúc quy trình, cung cấp 25 dịch vụ công trực tuyến toàn trình ưu tiên',
    'Quy trình nội bộ điện tử của 25 dịch vụ',
    '25 dịch vụ công toàn trình',
  ],
  [
    'N02',
    NA.pcOffice,
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
    'Kho dữ liệu số hóa kết quả giải quyết thủ tục',
    '100% hồ sơ được số hóa',
  ],
  [
    'N02',
    NA.justice,
    'Liên thông nhóm thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi',
    'Liên thông điện tử ba thủ tục',
    '100% hồ sơ khai sinh được liên thông',
  ],
  [
    'N02',
    NA.justice,
    'Liên thông nhóm thủ tục đăng ký khai tử, xóa đăng ký thường trú, hỗ trợ chi phí mai táng',
    'Liên thông điện tử ba thủ tục',
  ],
  [
    'N02',
    NA.pcOffice,
    'Nâng tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ thủ tục hành chính',
    'Báo cáo tỷ lệ hồ sơ trực tuyến hằng tháng',
    'Tỷ lệ hồ sơ trực tuyến đạt 50%',
  ],
  [
    'N03',
    NA.labour,
    'Chi trả an sinh xã hội không dùng tiền mặt',
    'Danh sách đối tượng nhận qua tài khoản',
    '100% đối tượng ở đô thị nhận qua tài khoản',
  ],
  [
    'N03',
    NA.finance,
    'Thu phí, lệ phí, thuế không dùng tiền mặt',
    'Báo cáo thu không dùng tiền mặt',
    '80% khoản thu không dùng tiền mặt',
  ],
  [
    'N03',
    NA.bank,
    'Xác thực thông tin công dân qua căn cước gắn chip trong hoạt động ngân hàng',
    'Báo cáo triển khai tại các tổ chức tín dụng',
  ],
  [
    'N03',
    NA.health,
    'Khám chữa bệnh bảo hiểm y tế bằng căn cước gắn chip',
    'Danh sách cơ sở khám chữa bệnh áp dụng',
    '100% cơ sở khám chữa bệnh BHYT áp dụng',
  ],
  [
    'N03',
    NA.education,
    'Ứng dụng dữ liệu dân cư trong tuyển sinh đầu cấp',
    'Phần mềm tuyển sinh kết nối dữ liệu dân cư',
  ],
  [
    'N04',
    NA.police,
    'Cấp và kích hoạt tài khoản định danh điện tử mức độ 2',
    'Báo cáo số tài khoản được kích hoạt',
    '100% người đủ điều kiện có tài khoản mức độ 2',
  ],
  [
    'N04',
    NA.police,
    'Tích hợp giấy phép lái xe, thẻ bảo hiểm y tế, mã số thuế trên ứng dụng VNeID',
    'Thông tin được tích hợp trên VNeID',
  ],
  [
    'N04',
    NA.ict,
    'Duy trì tổ công nghệ số cộng đồng hướng dẫn người dân dùng dịch vụ công trên VNeID',
    'Tổ công nghệ số cộng đồng tại 100% xã, phường',
  ],
  [
    'N04',
    NA.health,
    'Triển khai sổ sức khỏe điện tử trên VNeID',
    'Sổ sức khỏe điện tử',
    '100% người dân có sổ sức khỏe điện tử',
  ],
  ['N04', NA.justice, 'Cấp phiếu lý lịch tư pháp trên VNeID', 'Dịch vụ cấp phiếu lý lịch tư pháp trực tuyến'],
  [
    'N05',
    NA.police,
    'Làm giàu, cập nhật dữ liệu dân cư với dữ liệu chuyên ngành',
    'Báo cáo đối soát dữ liệu',
  ],
  [
    'N05',
    NA.ict,
    'Kết nối Hệ thống thông tin giải quyết thủ tục hành chính tỉnh với Cơ sở dữ liệu quốc gia về dân cư',
    'Kết nối được nghiệm thu',
  ],
  [
    'N05',
    NA.justice,
    'Kết nối phần mềm quản lý hộ tịch với Cơ sở dữ liệu quốc gia về dân cư',
    'Kết nối được nghiệm thu',
  ],
  [
    'N05',
    NA.labour,
    'Kết nối dữ liệu bảo trợ xã hội, người có công với dữ liệu dân cư',
    'Dữ liệu được đối soát, kết nối',
  ],
  [
    'N05',
    NA.health,
    'Kết nối hệ thống quản lý khám chữa bệnh với Cơ sở dữ liệu quốc gia về dân cư',
    'Kết nối được nghiệm thu',
  ],
  [
    'N06',
    NA.ict,
    'Đưa Trung tâm điều hành thông minh (IOC) tỉnh vào vận hành chính thức',
    'IOC vận hành chính thức phục vụ lãnh đạo tỉnh',
  ],
  [
    'N06',
    NA.police,
    'Xây dựng bảng điều khiển theo dõi tiến độ Đề án 06 của tỉnh',
    'Bảng điều khiển tiến độ Đề án 06',
  ],
  ['N06', NA.police, 'Báo cáo định kỳ tiến độ Đề án 06 lên Chủ tịch UBND tỉnh', 'Báo cáo định kỳ hằng tháng'],
  [
    'N06',
    NA.pcOffice,
    'Kết nối Hệ thống báo cáo kinh tế - xã hội của tỉnh với Hệ thống thông tin báo cáo Chính phủ',
    'Kết nối và bộ chỉ tiêu báo cáo',
  ],
  [
    'N06',
    NA.police,
    'Kết nối camera giám sát an ninh, trật tự với Trung tâm chỉ huy Công an tỉnh',
    'Camera kết nối Trung tâm chỉ huy',
    '500 camera được kết nối',
  ],
  [
    'N07',
    NA.ict,
    'Mở rộng mạng truyền số liệu chuyên dùng đến 100% xã, phường',
    'Mạng truyền số liệu chuyên dùng cấp xã',
    '100% xã, phường kết nối',
  ],
  [
    'N07',
    NA.ict,
    'Phê duyệt cấp độ an toàn các hệ thống thông tin phục vụ Đề án 06',
    'Hồ sơ cấp độ được phê duyệt',
  ],
  [
    'N07',
    NA.pcOffice,
    'Trang bị thiết bị đọc căn cước gắn chip tại bộ phận một cửa các cấp',
    'Thiết bị được lắp đặt',
    '100% bộ phận một cửa có thiết bị',
  ],
  [
    'N07',
    NA.pcOffice,
    'Nâng cấp trang thiết bị Trung tâm Phục vụ hành chính công tỉnh',
    'Trang thiết bị được nghiệm thu',
  ],
  ['N07', NA.ict, 'Diễn tập ứng cứu sự cố an toàn thông tin mạng', 'Báo cáo diễn tập'],
  [
    'N08',
    NA.justice,
    'Làm sạch dữ liệu hộ tịch',
    'Dữ liệu hộ tịch "đúng, đủ, sạch, sống"',
    '100% dữ liệu được làm sạch',
  ],
  [
    'N08',
    NA.environment,
    'Làm sạch, số hóa dữ liệu đất đai',
    'Cơ sở dữ liệu đất đai',
    '100% xã hoàn thành cơ sở dữ liệu đất đai',
  ],
  [
    'N08',
    NA.insurance,
    'Làm sạch dữ liệu bảo hiểm xã hội, bảo hiểm y tế theo dữ liệu dân cư',
    'Dữ liệu được đồng bộ',
  ],
  ['N08', NA.labour, 'Làm sạch dữ liệu người có công và đối tượng bảo trợ xã hội', 'Dữ liệu được đồng bộ'],
  ['N08', NA.planning, 'Làm sạch dữ liệu đăng ký doanh nghiệp, hộ kinh doanh', 'Dữ liệu được đồng bộ'],
  ['N09', NA.finance, 'Bố trí kinh phí thực hiện Đề án 06 năm 2024', 'Quyết định phân bổ kinh phí'],
  [
    'N09',
    NA.homeAffairs,
    'Bố trí công chức chuyên trách công nghệ thông tin tại các sở, ngành, địa phương',
    'Danh sách công chức chuyên trách',
  ],
  [
    'N09',
    NA.homeAffairs,
    'Tập huấn cán bộ bộ phận một cửa về Đề án 06',
    'Các lớp tập huấn',
    '100% cán bộ một cửa được tập huấn',
  ],
  ['N09', NA.ict, 'Huy động doanh nghiệp viễn thông hỗ trợ hạ tầng và thiết bị', 'Biên bản ghi nhớ hợp tác'],
  [
    'N09',
    NA.planning,
    'Thẩm định, phê duyệt các dự án công nghệ thông tin phục vụ Đề án 06',
    'Quyết định phê duyệt dự án',
  ],
  [
    'N10',
    NA.ict,
    'Tuyên truyền Đề án 06 trên hệ thống LED, pano, áp phích và nền tảng số',
    'Kế hoạch và báo cáo tuyên truyền',
  ],
  [
    'N10',
    NA.police,
    'Kiểm tra tiến độ và kỷ luật hành chính tại các sở, ngành, địa phương',
    'Kết luận kiểm tra',
  ],
  [
    'N10',
    NA.homeAffairs,
    'Gắn kết quả Đề án 06 với đánh giá, xếp loại thi đua cuối năm của tập thể, cá nhân',
    'Hướng dẫn tiêu chí thi đua',
  ],
  ['N10', NA.police, 'Tổ chức sơ kết quý, 6 tháng triển khai Đề án 06', 'Báo cáo sơ kết'],
  [
    'N10',
    NA.vinh,
    'Tuyên truyền nâng cao tỷ lệ nộp hồ sơ trực tuyến tại Thành phố Vinh',
    'Báo cáo kết quả tuyên truyền',
  ],
];

/** The 12 models the conference asked to accelerate (article 003) come first. */
const ACCELERATE = 12;
const PILOTS: Row[] = [
  [
    'N02',
    NA.pcOffice,
    'Mô hình triển khai 53 dịch vụ công thiết yếu',
    'Dịch vụ công thiết yếu vận hành tại tỉnh',
    '53 dịch vụ công',
  ],
  [
    'N02',
    NA.pcOffice,
    'Mô hình cung cấp ít nhất 20 dịch vụ công không dùng hồ sơ giấy',
    'Dịch vụ công không giấy',
    'Ít nhất 20 dịch vụ công',
  ],
  [
    'N03',
    NA.health,
    'Mô hình khám chữa bệnh bằng sinh trắc học',
    'Cơ sở y tế xác thực bệnh nhân bằng sinh trắc học',
  ],
  [
    'N02',
    NA.justice,
    'Mô hình ki-ốt tự phục vụ tại các điểm công chứng, chứng thực',
    'Ki-ốt tự phục vụ được lắp đặt',
  ],
  [
    'N05',
    NA.police,
    'Mô hình nền tảng quản lý lưu trú tại nhà nghỉ, nhà trọ, khách sạn, nhà ở xã hội',
    'Nền tảng quản lý lưu trú',
    '100% cơ sở lưu trú khai báo trên nền tảng',
  ],
  ['N03', NA.health, 'Mô hình nền tảng quản lý bệnh nhân tại các cơ sở y tế', 'Nền tảng quản lý bệnh nhân'],
  [
    'N03',
    NA.transport,
    'Mô hình thiết bị giám sát sát hạch, thi lái xe',
    'Thiết bị giám sát tại trung tâm sát hạch',
  ],
  [
    'N03',
    NA.bank,
    'Mô hình cho vay tín chấp đối với hộ nghèo, đối tượng chính sách',
    'Khoản vay tín chấp được giải ngân',
  ],
  ['N04', NA.police, 'Mô hình bảo đảm điều kiện công dân số', 'Bộ tiêu chí và kết quả công dân số'],
  ['N07', NA.ict, 'Mô hình thống nhất tiêu chuẩn xác thực tập trung', 'Hệ thống xác thực tập trung'],
  [
    'N10',
    NA.ict,
    'Mô hình truyền thông chính trị qua LED, pano, áp phích và nền tảng số',
    'Hệ thống truyền thông',
  ],
  ['N04', NA.education, 'Mô hình nền tảng học tập, đào tạo mở trực tuyến', 'Nền tảng học tập mở'],
  [
    'N03',
    NA.health,
    'Mô hình thanh toán không dùng tiền mặt tại bệnh viện',
    'Bệnh viện thanh toán không dùng tiền mặt',
  ],
  [
    'N03',
    NA.education,
    'Mô hình trường học không dùng tiền mặt',
    'Trường học thu học phí không dùng tiền mặt',
  ],
  ['N03', NA.vinh, 'Mô hình chợ 4.0 không dùng tiền mặt tại Thành phố Vinh', 'Chợ 4.0'],
  ['N04', NA.education, 'Mô hình học bạ số', 'Học bạ số'],
  ['N04', NA.police, 'Mô hình đăng ký tạm trú, thông báo lưu trú qua VNeID', 'Dịch vụ trên VNeID'],
  ['N04', NA.police, 'Mô hình ký số trên căn cước gắn chip', 'Chữ ký số trên căn cước'],
  ['N03', NA.vinh, 'Mô hình thu phí đỗ xe không dùng tiền mặt', 'Điểm đỗ xe thu phí điện tử'],
  [
    'N03',
    NA.bank,
    'Mô hình xác thực sinh trắc học khi giao dịch ngân hàng',
    'Giao dịch xác thực sinh trắc học',
  ],
  [
    'N03',
    NA.insurance,
    'Mô hình chi trả lương hưu, trợ cấp bảo hiểm xã hội qua tài khoản',
    'Chi trả qua tài khoản',
  ],
  [
    'N06',
    NA.police,
    'Mô hình camera AI giám sát giao thông tại Thành phố Vinh',
    'Camera AI kết nối Trung tâm chỉ huy',
  ],
  [
    'N03',
    NA.cuaLo,
    'Mô hình thông báo lưu trú khách du lịch bằng VNeID tại Cửa Lò',
    'Cơ sở lưu trú dùng VNeID',
  ],
  ['N02', NA.pcOffice, 'Mô hình tủ đồ thông minh trả kết quả thủ tục hành chính', 'Tủ đồ thông minh'],
  ['N02', NA.transport, 'Mô hình cấp đổi giấy phép lái xe trực tuyến', 'Dịch vụ cấp đổi trực tuyến'],
  ['N03', NA.health, 'Mô hình giấy khám sức khỏe lái xe điện tử', 'Giấy khám sức khỏe điện tử'],
  ['N05', NA.hungDung, 'Mô hình phường điểm Đề án 06 tại Phường Hưng Dũng', 'Phường điểm Đề án 06'],
  ['N05', NA.dienThinh, 'Mô hình xã điểm Đề án 06 tại Xã Diễn Thịnh', 'Xã điểm Đề án 06'],
  ['N04', NA.dienChau, 'Mô hình tổ công nghệ số cộng đồng kiểu mẫu', 'Tổ công nghệ số cộng đồng'],
  [
    'N02',
    NA.health,
    'Mô hình đăng ký khai sinh trực tuyến tại bệnh viện sản nhi',
    'Liên thông khai sinh tại bệnh viện',
  ],
  ['N05', NA.police, 'Mô hình quản lý người nước ngoài tạm trú bằng phần mềm', 'Phần mềm quản lý tạm trú'],
  ['N03', NA.finance, 'Mô hình nộp thuế điện tử cho hộ kinh doanh', 'Hộ kinh doanh nộp thuế điện tử'],
  ['N03', NA.cuaLo, 'Mô hình vé điện tử tại khu du lịch biển Cửa Lò', 'Vé điện tử'],
  ['N05', NA.environment, 'Mô hình tra cứu thông tin đất đai bằng căn cước gắn chip', 'Dịch vụ tra cứu'],
  [
    'N06',
    NA.nghiLoc,
    'Mô hình cảnh báo sớm thiên tai kết nối dữ liệu dân cư tại Nghi Lộc',
    'Hệ thống cảnh báo sớm',
  ],
  [
    'N04',
    NA.education,
    'Mô hình phổ cập VNeID cho học sinh trung học phổ thông',
    'Học sinh có tài khoản định danh',
  ],
  [
    'N02',
    NA.pcOffice,
    'Mô hình trả kết quả thủ tục hành chính qua bưu chính công ích',
    'Kết quả trả qua bưu chính',
  ],
  [
    'N02',
    NA.ict,
    'Mô hình điểm dịch vụ công tại bưu điện văn hóa xã',
    'Điểm hỗ trợ dịch vụ công tại bưu điện',
  ],
];

const COORDINATORS = [
  NA.police,
  NA.ict,
  NA.pcOffice,
  NA.justice,
  NA.health,
  NA.vinh,
  NA.finance,
  NA.leMao,
  NA.nghiPhong,
];

export function ngheanTasks(rng: Rng): TaskSpec[] {
  if (TASKS.length !== 51 || PILOTS.length !== 38)
    throw new Error('Nghe An catalogue must have 51 tasks and 38 pilots');
  const spec = (r: Row, code: string, kind: 'task' | 'pilot', directive: string): TaskSpec => {
    const [group, lead, title, deliverable, target] = r;
    const others = COORDINATORS.filter((c) => c !== lead);
    return {
      code,
      title,
      deliverable,
      target: target ? { text: target } : undefined,
      group,
      lead,
      coordinators: rng.sample(others, rng.int(0, 2)),
      directive,
      level: 'province',
      kind,
    };
  };
  const tasks = TASKS.map((r, i) => spec(r, `DA06-NV-${String(i + 1).padStart(2, '0')}`, 'task', D.plan2024));
  // The IOC's legal obstacle (article 003) keeps both IOC tasks overdue.
  for (const t of tasks) if (t.title.includes('(IOC)')) t.plan = { state: 'overdue' };
  const pilots = PILOTS.map((r, i) => {
    const p = spec(
      r,
      `DA06-MH-${String(i + 1).padStart(2, '0')}`,
      'pilot',
      i < ACCELERATE ? D.conference : D.pilots,
    );
    if (i < ACCELERATE) {
      p.plan = { state: i < 8 ? 'in_progress' : 'not_started' };
      p.priority = 'high';
    }
    return p;
  });
  return [...tasks, ...pilots];
}

/** Nghe An plans by quarter: open tasks end on a month or quarter end; the overdue ones were due in Q1. */
export function ngheanWindow(cal: Calendar): Window {
  const offsets = (dates: string[]) => dates.map((d) => cal.offset(cal.rel(d)));
  const q1 = offsets(['2024-01-31', '2024-02-29', '2024-03-15', '2024-03-31']);
  const soon = offsets(['2024-04-30', '2024-06-30', '2024-09-30', '2024-12-31']);
  const later = offsets(['2024-06-30', '2024-09-30', '2024-10-31', '2024-12-31']);
  return {
    startMin: cal.offset(cal.rel('2024-01-05')),
    doneMaxAgo: 70,
    overdueMaxAgo: 85,
    openMaxAhead: cal.offset(cal.rel('2024-12-31')),
    pickDeadline: (state, rng) =>
      state === 'overdue'
        ? rng.pick(q1)
        : state === 'in_progress'
          ? rng.pick(soon)
          : state === 'not_started'
            ? rng.pick(later)
            : undefined,
  };
}
