import type { Calendar } from './calendar.js';
import { HN_DIRECTIVES as D } from './hanoi-programme.js';
import { HN } from './hanoi-units.js';
import type { Rng } from './random.js';
import type { TaskSpec } from './types.js';

/**
 * Hanoi's tasks (articles 001 and 002): 187 assigned by the central government, more than half
 * done, 12 of them overdue; the city's own tasks with 18 overdue; and the tasks the 14 November
 * conference set with their deadlines.
 */
export const HANOI_QUOTAS = {
  central: {
    total: 187,
    states: { done_on_time: 80, done_late: 18, overdue: 12, in_progress: 57, not_started: 20 },
    recentDone: 12,
    recentOverdue: 4,
  },
  city: { overdue: 18, recentOverdue: 5 },
} as const;

type Draft = Omit<TaskSpec, 'code' | 'level' | 'directive'> & { directive?: string };

const SECTORS: { name: string; lead: string }[] = [
  { name: 'đất đai', lead: HN.agriEnv },
  { name: 'tài nguyên nước', lead: HN.agriEnv },
  { name: 'môi trường', lead: HN.agriEnv },
  { name: 'nông nghiệp', lead: HN.agriEnv },
  { name: 'y tế', lead: HN.health },
  { name: 'giáo dục và đào tạo', lead: HN.education },
  { name: 'xây dựng', lead: HN.construction },
  { name: 'giao thông vận tải', lead: HN.construction },
  { name: 'quy hoạch - kiến trúc', lead: HN.planning },
  { name: 'công thương', lead: HN.industry },
  { name: 'văn hóa, thể thao và du lịch', lead: HN.culture },
  { name: 'tư pháp, hộ tịch', lead: HN.justice },
  { name: 'tài chính, ngân sách', lead: HN.finance },
  { name: 'đăng ký doanh nghiệp', lead: HN.finance },
  { name: 'cán bộ, công chức, viên chức', lead: HN.homeAffairs },
  { name: 'lao động, việc làm', lead: HN.homeAffairs },
  { name: 'an sinh xã hội', lead: HN.homeAffairs },
  { name: 'khoa học và công nghệ', lead: HN.science },
];

/** Tasks repeated per sector (each department does its share). */
const SECTOR_TEMPLATES: ((s: string) => Omit<Draft, 'lead'>)[] = [
  (s) => ({
    title: `Xây dựng, hoàn thiện cơ sở dữ liệu chuyên ngành ${s} bảo đảm "đúng, đủ, sạch, sống, thống nhất, dùng chung"`,
    deliverable: `Cơ sở dữ liệu ${s} vận hành, kết nối với Nền tảng tích hợp, chia sẻ dữ liệu của Thành phố`,
    target: { text: '100% dữ liệu được chuẩn hóa và kết nối', value: 100, unit: '%' },
    group: 'HT',
  }),
  (s) => ({
    title: `Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính lĩnh vực ${s}`,
    deliverable: `Kho dữ liệu số hóa hồ sơ thủ tục hành chính lĩnh vực ${s}`,
    target: { text: '100% hồ sơ được số hóa', value: 100, unit: '%' },
    group: 'HT',
  }),
  (s) => ({
    title: `Tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình lĩnh vực ${s}`,
    deliverable: `Danh mục thủ tục được tái cấu trúc và cung cấp trực tuyến toàn trình lĩnh vực ${s}`,
    target: { text: '100% thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình', value: 100, unit: '%' },
    group: 'TC',
  }),
  (s) => ({
    title: `Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức ngành ${s}`,
    deliverable: `Báo cáo kết quả đào tạo kỹ năng số ngành ${s}`,
    target: { text: '100% cán bộ, công chức được đào tạo kỹ năng số cơ bản', value: 100, unit: '%' },
    group: 'NL',
  }),
  (s) => ({
    title: `Ban hành quy chế quản lý, khai thác, chia sẻ dữ liệu lĩnh vực ${s}`,
    deliverable: `Quyết định ban hành quy chế khai thác, chia sẻ dữ liệu lĩnh vực ${s}`,
    target: { text: '01 quy chế được ban hành', value: 1, unit: 'văn bản' },
    group: 'TC',
  }),
  (s) => ({
    title: `Ứng dụng trí tuệ nhân tạo trong quản lý, điều hành lĩnh vực ${s}`,
    deliverable: `Bài toán ứng dụng AI lĩnh vực ${s} được đưa vào vận hành thử`,
    target: { text: 'Ít nhất 01 bài toán AI được vận hành', value: 1, unit: 'bài toán' },
    group: 'DMST',
  }),
  (s) => ({
    title: `Đẩy nhanh giải ngân vốn cho nhiệm vụ khoa học, công nghệ và chuyển đổi số ngành ${s}`,
    deliverable: `Báo cáo giải ngân hằng tuần gửi Tổ công tác đặc biệt về giải ngân và hạ tầng số`,
    target: { text: 'Giải ngân 100% kế hoạch vốn được giao', value: 100, unit: '%' },
    group: 'HT',
  }),
  (s) => ({
    title: `Đánh giá, phê duyệt cấp độ an toàn các hệ thống thông tin ngành ${s}`,
    deliverable: `Hồ sơ đề xuất cấp độ được phê duyệt cho các hệ thống thông tin ngành ${s}`,
    target: { text: '100% hệ thống được phê duyệt cấp độ', value: 100, unit: '%' },
    group: 'HT',
  }),
];

/** Central tasks led by departments, one of a kind. */
function departmentTasks(cal: Calendar): Draft[] {
  return [
    {
      title: 'Ban hành Kế hoạch thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị trên địa bàn Thành phố',
      deliverable: 'Kế hoạch của UBND Thành phố thực hiện Nghị quyết 57-NQ/TW',
      target: { text: '01 kế hoạch được ban hành', value: 1, unit: 'văn bản' },
      group: 'TC',
      lead: HN.science,
      coordinators: [HN.pcOffice, HN.finance],
      directive: D.resolution57,
      priority: 'urgent',
      plan: { state: 'done_on_time' },
    },
    {
      title:
        'Xây dựng Nghị quyết HĐND Thành phố về cơ chế thử nghiệm có kiểm soát (sandbox) các công nghệ mới',
      deliverable: 'Nghị quyết HĐND Thành phố về cơ chế thử nghiệm có kiểm soát',
      target: { text: '01 nghị quyết được thông qua', value: 1, unit: 'văn bản' },
      group: 'TC',
      lead: HN.science,
      coordinators: [HN.justice],
      priority: 'high',
    },
    {
      title:
        'Xây dựng Nghị quyết HĐND Thành phố về chính sách hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo',
      deliverable: 'Nghị quyết HĐND Thành phố về hỗ trợ khởi nghiệp đổi mới sáng tạo',
      group: 'DMST',
      lead: HN.science,
      coordinators: [HN.finance, HN.justice],
    },
    {
      title: 'Ban hành quy chế phối hợp liên ngành thực hiện Nghị quyết 57-NQ/TW',
      deliverable: 'Quy chế phối hợp giữa các sở, ngành và UBND các xã, phường',
      group: 'TC',
      lead: HN.pcOffice,
      coordinators: [HN.partyOffice],
    },
    {
      title: 'Ban hành Bộ tiêu chí chuyển đổi số cấp xã (17 tiêu chí) và hướng dẫn đánh giá',
      deliverable: 'Quyết định ban hành Bộ 17 tiêu chí chuyển đổi số cấp xã',
      target: { text: '126/126 xã, phường được đánh giá theo bộ tiêu chí', value: 126, unit: 'xã, phường' },
      group: 'TC',
      lead: HN.science,
      coordinators: [HN.homeAffairs, HN.hoanKiem],
    },
    {
      title: 'Ban hành Kiến trúc Chính quyền số Thành phố Hà Nội phiên bản 4.0',
      deliverable: 'Quyết định ban hành Kiến trúc Chính quyền số phiên bản 4.0',
      group: 'TC',
      lead: HN.science,
    },
    {
      title: 'Ban hành quy định quản lý, vận hành Trung tâm dữ liệu Thành phố',
      deliverable: 'Quy định quản lý, vận hành Trung tâm dữ liệu',
      group: 'TC',
      lead: HN.science,
      coordinators: [HN.police],
    },
    {
      title: 'Ban hành Bộ chỉ số đánh giá mức độ chuyển đổi số của các sở, ngành và xã, phường',
      deliverable: 'Bộ chỉ số DTI cấp sở và cấp xã',
      group: 'TC',
      lead: HN.science,
      coordinators: [HN.homeAffairs],
    },
    {
      title: 'Cụ thể hóa các quy định của Luật Thủ đô (sửa đổi) về khoa học, công nghệ và đổi mới sáng tạo',
      deliverable: 'Danh mục văn bản quy định chi tiết được ban hành',
      target: { text: '100% nội dung được giao được cụ thể hóa', value: 100, unit: '%' },
      group: 'TC',
      lead: HN.justice,
      coordinators: [HN.science],
    },
    {
      title: 'Ban hành cơ chế khoán chi đến sản phẩm cuối cùng đối với nhiệm vụ khoa học và công nghệ',
      deliverable: 'Quy định về khoán chi nhiệm vụ khoa học và công nghệ',
      group: 'TC',
      lead: HN.finance,
      coordinators: [HN.science, HN.treasury],
    },
    {
      title: 'Sửa đổi định mức xây dựng dự toán nhiệm vụ khoa học và công nghệ sử dụng ngân sách Thành phố',
      deliverable: 'Quyết định sửa đổi định mức dự toán',
      group: 'TC',
      lead: HN.finance,
      coordinators: [HN.science],
    },
    {
      title: 'Ban hành quy chế gửi, nhận văn bản điện tử và ký số trên môi trường mạng',
      deliverable: 'Quy chế gửi, nhận văn bản điện tử của Thành phố',
      target: { text: '100% văn bản được gửi, nhận trên môi trường điện tử', value: 100, unit: '%' },
      group: 'TC',
      lead: HN.pcOffice,
    },
    {
      title: 'Ban hành quy định đánh giá cán bộ theo OKR/KPI trên môi trường số',
      deliverable: 'Quy định đánh giá, xếp loại theo kết quả công việc đo lường được',
      group: 'TC',
      lead: HN.homeAffairs,
      coordinators: [HN.science],
    },
    {
      title: 'Xây dựng Trung tâm dữ liệu Thành phố và hạ tầng điện toán đám mây',
      deliverable: 'Trung tâm dữ liệu Thành phố đưa vào vận hành',
      target: { text: '100% hệ thống dùng chung được chuyển lên đám mây', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.science,
      coordinators: [HN.police, HN.finance],
      priority: 'urgent',
      plan: { state: 'in_progress' },
    },
    {
      title: 'Đưa vào vận hành siêu ứng dụng đa dịch vụ iHanoi',
      deliverable: 'Ứng dụng iHanoi phiên bản siêu ứng dụng đa dịch vụ',
      target: { text: '2 triệu tài khoản người dùng', value: 2_000_000, unit: 'tài khoản' },
      group: 'HT',
      lead: HN.science,
      coordinators: [HN.police, HN.pcOffice, HN.hoanKiem],
      priority: 'urgent',
      plan: { state: 'in_progress', deadline: cal.rel('2026-03-31') },
    },
    {
      title: 'Nâng cấp Nền tảng tích hợp, chia sẻ dữ liệu Thành phố (LGSP) kết nối Nền tảng quốc gia (NDXP)',
      deliverable: 'LGSP phiên bản mới kết nối NDXP',
      group: 'HT',
      lead: HN.science,
      plan: { state: 'in_progress', extension: 'before_due' },
    },
    {
      title: 'Triển khai Trung tâm giám sát an toàn thông tin mạng tập trung (SOC) của Thành phố',
      deliverable: 'SOC Thành phố giám sát 100% hệ thống thông tin dùng chung',
      target: { text: '100% hệ thống được giám sát tập trung', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.science,
      coordinators: [HN.police, HN.hoanKiem],
      priority: 'high',
      plan: { state: 'overdue' },
    },
    {
      title: 'Sao lưu dữ liệu định kỳ cho các hệ thống thông tin dùng chung của Thành phố',
      deliverable: 'Quy trình sao lưu và biên bản kiểm tra khôi phục dữ liệu',
      target: { text: '100% hệ thống dùng chung được sao lưu định kỳ', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.science,
      plan: { state: 'overdue' },
    },
    {
      title: 'Phủ sóng 5G tại 100% khu công nghiệp, khu công nghệ cao và trung tâm hành chính',
      deliverable: 'Báo cáo phủ sóng 5G',
      target: { text: '100% khu công nghiệp có sóng 5G', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.science,
      coordinators: [HN.hitech],
    },
    {
      title: 'Xây dựng hệ thống quan trắc môi trường tự động và cảnh báo thiên tai',
      deliverable: 'Hệ thống quan trắc, cảnh báo kết nối Trung tâm điều hành thông minh',
      target: { text: '60 trạm quan trắc tự động', value: 60, unit: 'trạm' },
      group: 'HT',
      lead: HN.agriEnv,
    },
    {
      title: 'Triển khai hệ thống camera giám sát giao thông, an ninh trật tự ứng dụng trí tuệ nhân tạo',
      deliverable: 'Hệ thống camera AI kết nối Trung tâm chỉ huy Công an Thành phố',
      group: 'HT',
      lead: HN.police,
      coordinators: [HN.construction],
    },
    {
      title: 'Kết nối Cơ sở dữ liệu quốc gia về dân cư với các hệ thống thông tin của Thành phố',
      deliverable: 'Các hệ thống nghiệp vụ xác thực, khai thác dữ liệu dân cư',
      target: { text: '100% hệ thống giải quyết thủ tục kết nối dữ liệu dân cư', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.police,
      coordinators: [HN.science, HN.hoanKiem],
    },
    {
      title: 'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính Thành phố',
      deliverable:
        'Hệ thống thông tin giải quyết thủ tục hành chính đồng bộ 100% với Cổng Dịch vụ công quốc gia',
      target: { text: 'Tỷ lệ đồng bộ với Cổng Dịch vụ công quốc gia 100%', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.serviceCentre,
      coordinators: [HN.science, HN.pcOffice],
    },
    {
      title: 'Phát triển hạ tầng cáp quang băng rộng đến 100% hộ gia đình',
      deliverable: 'Báo cáo phủ cáp quang',
      target: { text: '100% hộ gia đình có cáp quang', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.science,
    },
    {
      title: 'Vận hành Trung tâm điều hành thông minh (IOC) của Thành phố',
      deliverable: 'Bảng điều khiển số phục vụ chỉ đạo điều hành theo dữ liệu',
      group: 'HT',
      lead: HN.science,
      coordinators: [HN.pcOffice],
    },
    {
      title: 'Thanh toán không dùng tiền mặt đối với phí, lệ phí dịch vụ công',
      deliverable: 'Báo cáo tỷ lệ thanh toán trực tuyến',
      target: { text: 'Gần 100% giao dịch thanh toán điện tử', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.finance,
      coordinators: [HN.treasury],
    },
    {
      title: 'Liên thông dữ liệu Kho bạc - ngân sách điện tử với hệ thống quản lý tài chính Thành phố',
      deliverable: 'Kết nối liên thông dữ liệu thu, chi ngân sách',
      group: 'HT',
      lead: HN.treasury,
      coordinators: [HN.finance],
    },
    {
      title: 'Triển khai nền tảng quản lý giao thông thông minh và bãi đỗ xe',
      deliverable: 'Nền tảng giao thông thông minh',
      group: 'HT',
      lead: HN.construction,
      coordinators: [HN.police],
    },
    {
      title: 'Triển khai hồ sơ sức khỏe điện tử cho người dân Thủ đô',
      deliverable: 'Hồ sơ sức khỏe điện tử tích hợp trên VNeID',
      target: { text: '100% người dân có hồ sơ sức khỏe điện tử', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.health,
      coordinators: [HN.police],
      plan: { state: 'in_progress', extension: 'after_due' },
    },
    {
      title: 'Triển khai học bạ số và sổ điểm điện tử tại các trường phổ thông',
      deliverable: 'Học bạ số cho 100% học sinh phổ thông',
      target: { text: '100% trường phổ thông sử dụng học bạ số', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.education,
      plan: { state: 'done_on_time', extension: 'rescued' },
    },
    {
      title: 'Triển khai chiếu sáng đô thị thông minh',
      deliverable: 'Hệ thống điều khiển chiếu sáng tập trung',
      group: 'HT',
      lead: HN.construction,
    },
    {
      title: 'Triển khai chương trình đào tạo "Công chức số Thủ đô"',
      deliverable: 'Chương trình, tài liệu và kết quả đào tạo "Công chức số Thủ đô"',
      target: { text: '100% công chức cấp xã được đào tạo', value: 100, unit: '%' },
      group: 'NL',
      lead: HN.homeAffairs,
      coordinators: [HN.science],
    },
    {
      title: 'Phong trào "Bình dân học vụ số": phổ cập kỹ năng số cho người dân',
      deliverable: 'Báo cáo kết quả phổ cập kỹ năng số',
      target: { text: '50% người lao động có kỹ năng số', value: 50, unit: '%' },
      group: 'NL',
      lead: HN.education,
      coordinators: [HN.science, HN.hoanKiem, HN.socSon],
    },
    {
      title: 'Đào tạo nhân lực vi mạch bán dẫn và trí tuệ nhân tạo',
      deliverable: 'Chương trình đào tạo hợp tác với các trường đại học',
      group: 'NL',
      lead: HN.education,
      coordinators: [HN.hitech],
    },
    {
      title: 'Giáo dục STEM và trí tuệ nhân tạo trong trường phổ thông',
      deliverable: 'Kế hoạch và kết quả triển khai giáo dục STEM',
      target: { text: '100% trường trung học triển khai giáo dục STEM', value: 100, unit: '%' },
      group: 'NL',
      lead: HN.education,
    },
    {
      title: 'Thí điểm cơ chế thị thực nhân tài Hà Nội cho chuyên gia quốc tế',
      deliverable: 'Đề án thị thực nhân tài',
      group: 'NL',
      lead: HN.police,
      coordinators: [HN.homeAffairs],
    },
    {
      title: 'Đào tạo 50.000 nhân lực số mỗi năm hợp tác với các trường đại học lớn',
      deliverable: 'Thỏa thuận hợp tác và báo cáo kết quả đào tạo',
      target: { text: '50.000 nhân lực số mỗi năm', value: 50_000, unit: 'người' },
      group: 'NL',
      lead: HN.homeAffairs,
      coordinators: [HN.education],
    },
    {
      title: 'Bồi dưỡng kiến thức chuyển đổi số cho lãnh đạo cấp xã',
      deliverable: 'Các lớp bồi dưỡng cho chủ tịch, phó chủ tịch UBND cấp xã',
      target: { text: '100% lãnh đạo cấp xã được bồi dưỡng', value: 100, unit: '%' },
      group: 'NL',
      lead: HN.homeAffairs,
    },
    {
      title: 'Thành lập Trung tâm Đổi mới sáng tạo Hà Nội',
      deliverable: 'Quyết định thành lập và đưa Trung tâm vào hoạt động',
      group: 'DMST',
      lead: HN.science,
      priority: 'high',
    },
    {
      title: 'Xây dựng Đề án thành lập Sàn giao dịch công nghệ Hà Nội',
      deliverable: 'Đề án Sàn giao dịch công nghệ',
      group: 'DMST',
      lead: HN.science,
    },
    {
      title: 'Thí điểm thành lập Quỹ đầu tư mạo hiểm Hà Nội',
      deliverable: 'Quỹ đầu tư mạo hiểm đi vào hoạt động',
      target: { text: 'Quy mô quỹ tối thiểu 1.000 tỷ đồng', value: 1000, unit: 'tỷ đồng' },
      group: 'DMST',
      lead: HN.finance,
      coordinators: [HN.science],
      priority: 'high',
    },
    {
      title: 'Phát triển Khu công nghệ cao Hòa Lạc thành cực tăng trưởng',
      deliverable: 'Kế hoạch phát triển và danh mục dự án thu hút đầu tư',
      group: 'DMST',
      lead: HN.hitech,
      coordinators: [HN.hoaLac],
    },
    {
      title: 'Hỗ trợ phát triển doanh nghiệp khởi nghiệp đổi mới sáng tạo',
      deliverable: 'Chương trình hỗ trợ khởi nghiệp',
      target: { text: '5.000 doanh nghiệp khởi nghiệp', value: 5000, unit: 'doanh nghiệp' },
      group: 'DMST',
      lead: HN.science,
    },
    {
      title: 'Chương trình hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ và vừa',
      deliverable: 'Báo cáo kết quả hỗ trợ doanh nghiệp',
      target: { text: '10.000 doanh nghiệp được hỗ trợ', value: 10_000, unit: 'doanh nghiệp' },
      group: 'DMST',
      lead: HN.industry,
    },
    {
      title: 'Đưa sản phẩm OCOP lên sàn thương mại điện tử',
      deliverable: 'Gian hàng OCOP trên các sàn thương mại điện tử',
      target: { text: '100% sản phẩm OCOP 4 sao trở lên có mặt trên sàn', value: 100, unit: '%' },
      group: 'DMST',
      lead: HN.industry,
      coordinators: [HN.agriEnv, HN.batTrang],
    },
    {
      title: 'Đặt hàng nhiệm vụ khoa học và công nghệ giải quyết các bài toán đô thị của Thủ đô',
      deliverable: 'Danh mục nhiệm vụ đặt hàng được phê duyệt',
      target: { text: '20 nhiệm vụ đặt hàng', value: 20, unit: 'nhiệm vụ' },
      group: 'DMST',
      lead: HN.science,
    },
    {
      title: 'Triển khai trợ lý ảo AI hỗ trợ cán bộ, công chức giải quyết thủ tục hành chính',
      deliverable: 'Trợ lý ảo dùng chung cho cán bộ một cửa',
      group: 'DMST',
      lead: HN.science,
      coordinators: [HN.serviceCentre],
    },
    {
      title: 'Xây dựng bộ chỉ tiêu thống kê kinh tế số của Thành phố',
      deliverable: 'Bộ chỉ tiêu và số liệu kinh tế số theo quý',
      target: { text: 'Kinh tế số đạt 40–50% GRDP vào năm 2030', value: 40, unit: '% GRDP' },
      group: 'DMST',
      lead: HN.finance,
    },
    {
      title: 'Ứng dụng bản sao số (digital twin) trong quy hoạch đô thị',
      deliverable: 'Mô hình bản sao số khu vực nội đô lịch sử',
      group: 'DMST',
      lead: HN.planning,
      coordinators: [HN.hoanKiem],
    },
    {
      title: 'Báo cáo sơ kết tình hình thực hiện các nhiệm vụ Trung ương giao',
      deliverable: 'Báo cáo sơ kết gửi Ban Chỉ đạo Trung ương',
      group: 'TC',
      lead: HN.finance,
      coordinators: [HN.science, HN.pcOffice],
      plan: { state: 'in_progress', deadline: cal.today },
    },
  ];
}

/** Central tasks and pilot models led by wards and communes. */
function localTasks(): Draft[] {
  return [
    {
      title: 'Mô hình điểm "Phường số" tại Phường Hoàn Kiếm',
      deliverable: 'Mô hình phường số: một cửa số, dữ liệu dân cư sạch, bản đồ số phố cổ',
      target: { text: 'Đáp ứng 17/17 tiêu chí chuyển đổi số cấp xã', value: 17, unit: 'tiêu chí' },
      group: 'DMST',
      lead: HN.hoanKiem,
      coordinators: [HN.science, HN.police],
      kind: 'pilot',
      priority: 'high',
      plan: { state: 'in_progress' },
    },
    {
      title: 'Số hóa 100% hồ sơ hộ tịch lưu trữ tại Phường Hoàn Kiếm',
      deliverable: 'Dữ liệu hộ tịch số hóa cập nhật vào Cơ sở dữ liệu hộ tịch điện tử',
      target: { text: '100% hồ sơ hộ tịch được số hóa', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.hoanKiem,
      coordinators: [HN.justice],
      plan: { state: 'overdue', recent: true },
    },
    {
      title: 'Kết nối camera an ninh khu phố cổ với Trung tâm chỉ huy Công an Thành phố',
      deliverable: 'Hệ thống camera khu phố cổ kết nối Trung tâm chỉ huy',
      group: 'HT',
      lead: HN.hoanKiem,
      coordinators: [HN.police],
      plan: { state: 'done_on_time' },
    },
    {
      title: 'Mô hình điểm "Xã thông minh" tại Xã Sóc Sơn',
      deliverable: 'Mô hình xã thông minh: nông nghiệp số, một cửa số, truyền thanh thông minh',
      group: 'DMST',
      lead: HN.socSon,
      coordinators: [HN.agriEnv, HN.science],
      kind: 'pilot',
      plan: { state: 'in_progress' },
    },
    {
      title: 'Mô hình điểm trường học số tại Phường Cầu Giấy',
      deliverable: 'Trường học số: học bạ số, thanh toán không dùng tiền mặt, lớp học thông minh',
      group: 'DMST',
      lead: HN.cauGiay,
      coordinators: [HN.education],
      kind: 'pilot',
      plan: { state: 'done_late' },
    },
    {
      title: 'Mô hình điểm chợ 4.0 không dùng tiền mặt tại Phường Đống Đa',
      deliverable: 'Chợ không dùng tiền mặt',
      target: { text: '80% tiểu thương nhận thanh toán không dùng tiền mặt', value: 80, unit: '%' },
      group: 'DMST',
      lead: HN.dongDa,
      coordinators: [HN.industry],
      kind: 'pilot',
      plan: { state: 'done_on_time' },
    },
    {
      title: 'Số hóa dữ liệu hộ tịch lưu trữ tại Phường Ba Đình',
      deliverable: 'Dữ liệu hộ tịch số hóa',
      target: { text: '100% hồ sơ hộ tịch được số hóa', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.baDinh,
      coordinators: [HN.justice],
      plan: { state: 'done_on_time' },
    },
    {
      title: 'Bản đồ số du lịch, di sản khu vực Hồ Tây',
      deliverable: 'Bản đồ số tích hợp trên iHanoi',
      group: 'DMST',
      lead: HN.tayHo,
      coordinators: [HN.culture],
    },
    {
      title: 'Chuyển đổi số công tác quản lý trật tự xây dựng đô thị tại Phường Hà Đông',
      deliverable: 'Phần mềm quản lý trật tự xây dựng',
      group: 'HT',
      lead: HN.haDong,
      coordinators: [HN.construction],
    },
    {
      title: 'Ứng dụng bản đồ số quản lý đất đai tại Phường Long Biên',
      deliverable: 'Bản đồ số đất đai cấp phường',
      group: 'HT',
      lead: HN.longBien,
      coordinators: [HN.agriEnv],
    },
    {
      title: 'Truy xuất nguồn gốc nông sản bằng mã QR tại Xã Sóc Sơn',
      deliverable: 'Sản phẩm nông sản có mã truy xuất nguồn gốc',
      target: { text: '100% sản phẩm OCOP của xã có mã QR', value: 100, unit: '%' },
      group: 'DMST',
      lead: HN.socSon,
      coordinators: [HN.agriEnv],
      plan: { state: 'not_started' },
    },
    {
      title: 'Du lịch thông minh và thanh toán số tại Xã Ba Vì',
      deliverable: 'Cổng thông tin du lịch và điểm thanh toán số',
      group: 'DMST',
      lead: HN.baVi,
      coordinators: [HN.culture],
    },
    {
      title: 'Hạ tầng số phục vụ Khu công nghệ cao tại Xã Hòa Lạc',
      deliverable: 'Hạ tầng mạng và trung tâm điều hành của xã',
      group: 'HT',
      lead: HN.hoaLac,
      coordinators: [HN.hitech],
    },
    {
      title: 'Một cửa số liên thông cấp xã tại Xã Đông Anh',
      deliverable: 'Bộ phận một cửa tiếp nhận 100% hồ sơ trực tuyến',
      group: 'HT',
      lead: HN.dongAnh,
      coordinators: [HN.serviceCentre],
    },
  ];
}

/** The city's own tasks that are overdue (article 002: 18 of the city's). */
function cityOverdueTasks(): Draft[] {
  const criteria = (
    [
      [HN.hoanKiem, 'Phường Hoàn Kiếm'],
      [HN.socSon, 'Xã Sóc Sơn'],
      [HN.baVi, 'Xã Ba Vì'],
      [HN.meLinh, 'Xã Mê Linh'],
      [HN.phuXuyen, 'Xã Phú Xuyên'],
      [HN.myDuc, 'Xã Mỹ Đức'],
    ] as const
  ).map<Draft>(([lead, name]) => ({
    title: `Hoàn thành 17 tiêu chí chuyển đổi số cấp xã tại ${name}`,
    deliverable: 'Báo cáo tự đánh giá và minh chứng đáp ứng 17 tiêu chí',
    target: { text: 'Đạt 17/17 tiêu chí', value: 17, unit: 'tiêu chí' },
    group: 'TC',
    lead,
    coordinators: [HN.science],
  }));
  const infra = (
    [
      [HN.hoanKiem, 'Phường Hoàn Kiếm'],
      [HN.socSon, 'Xã Sóc Sơn'],
      [HN.dongAnh, 'Xã Đông Anh'],
    ] as const
  ).map<Draft>(([lead, name]) => ({
    title: `Khắc phục thiếu hụt trang thiết bị, nhân lực và đường truyền theo kết quả khảo sát hạ tầng tại ${name}`,
    deliverable: 'Báo cáo khắc phục kèm danh mục thiết bị được bổ sung',
    target: { text: 'Khắc phục 100% tồn tại được khảo sát', value: 100, unit: '%' },
    group: 'HT',
    lead,
    coordinators: [HN.finance, HN.science],
  }));
  const departments: Draft[] = [
    {
      title: 'Đánh giá, phê duyệt cấp độ an toàn hệ thống thông tin của các xã, phường',
      deliverable: 'Hồ sơ cấp độ được phê duyệt',
      group: 'HT',
      lead: HN.science,
      coordinators: [HN.police],
    },
    {
      title: 'Chấm dứt gửi, nhận văn bản ngoài hệ thống quản lý văn bản điện tử',
      deliverable: 'Báo cáo rà soát và danh sách đơn vị vi phạm',
      target: { text: '100% văn bản gửi, nhận qua hệ thống', value: 100, unit: '%' },
      group: 'TC',
      lead: HN.pcOffice,
    },
    {
      title: 'Khắc phục tình trạng hồ sơ trễ hạn, yêu cầu bổ sung nhiều lần',
      deliverable: 'Báo cáo hằng tuần về hồ sơ trễ hạn',
      target: { text: 'Tỷ lệ hồ sơ đúng hạn trên 98%', value: 98, unit: '%' },
      group: 'TC',
      lead: HN.serviceCentre,
      coordinators: [HN.hoanKiem],
    },
    {
      title: 'Đo lường OKR/KPI của các đơn vị trên bảng điều khiển số của Thành phố',
      deliverable: 'Bảng điều khiển số theo dõi OKR/KPI',
      group: 'TC',
      lead: HN.science,
      coordinators: [HN.pcOffice],
    },
    {
      title: 'Giải ngân kế hoạch vốn sự nghiệp khoa học và công nghệ theo tiến độ',
      deliverable: 'Báo cáo giải ngân hằng tuần',
      target: {
        text: 'Chi khoa học và công nghệ đạt 100% kế hoạch (giai đoạn trước dưới 42%)',
        value: 100,
        unit: '%',
      },
      group: 'DMST',
      lead: HN.finance,
      coordinators: [HN.treasury, HN.science],
      priority: 'urgent',
    },
    {
      title: 'Sao lưu dữ liệu định kỳ đối với hệ thống thông tin cấp xã',
      deliverable: 'Biên bản kiểm tra sao lưu, khôi phục',
      group: 'HT',
      lead: HN.science,
    },
    {
      title: 'Xây dựng chính sách thu hút chuyên gia, nhà khoa học xuất sắc',
      deliverable: 'Nghị quyết HĐND Thành phố về thu hút nhân tài',
      group: 'NL',
      lead: HN.homeAffairs,
      coordinators: [HN.science],
    },
    {
      title: 'Kết nối, chia sẻ dữ liệu chuyên ngành đất đai, môi trường với kho dữ liệu dùng chung',
      deliverable: 'Dịch vụ chia sẻ dữ liệu trên LGSP',
      group: 'HT',
      lead: HN.agriEnv,
      coordinators: [HN.science],
    },
    {
      title: 'Rà soát, đề xuất cơ chế phân cấp, ủy quyền và thử nghiệm có kiểm soát',
      deliverable: 'Báo cáo đề xuất sửa đổi gửi UBND Thành phố',
      group: 'TC',
      lead: HN.science,
      coordinators: [HN.justice],
    },
  ];
  return [...criteria, ...infra, ...departments].map((d) => ({ ...d, plan: { state: 'overdue' as const } }));
}

/** The tasks the conference of 14 November set, with the article's deadlines. */
function conclusionTasks(cal: Calendar): Draft[] {
  const fresh = (deadline: string, started: boolean) => ({
    state: started ? ('in_progress' as const) : ('not_started' as const),
    start: cal.today,
    deadline,
    firstActivityOn: started ? cal.today : null,
    progress: started ? 10 : 0,
  });
  return [
    {
      title: 'Hoàn thành hợp nhất Ban Chỉ đạo 57 và Ban Chỉ đạo 204; tham mưu thành lập Tổ tư vấn chuyên gia',
      deliverable: 'Quyết định hợp nhất Ban Chỉ đạo và thành lập Tổ tư vấn',
      group: 'TC',
      lead: HN.partyOffice,
      priority: 'urgent',
      plan: fresh(cal.rel('2025-11-30'), true),
    },
    {
      title: 'Công bố Danh mục dữ liệu dùng chung của Thành phố',
      deliverable:
        'Danh mục dữ liệu dùng chung; cơ sở dữ liệu chuyên ngành "đúng, đủ, sạch, sống, thống nhất, dùng chung"',
      group: 'HT',
      lead: HN.science,
      priority: 'urgent',
      plan: fresh(cal.rel('2025-12-31'), false),
    },
    {
      title: 'Làm việc với các đơn vị chưa công bố dữ liệu, yêu cầu mở và kết nối dữ liệu ngay',
      deliverable: 'Danh sách đơn vị và dữ liệu được mở, kết nối',
      target: { text: '100% đơn vị công bố dữ liệu', value: 100, unit: '%' },
      group: 'HT',
      lead: HN.science,
      priority: 'urgent',
      plan: fresh(cal.rel('2025-11-30'), true),
    },
    {
      title: 'Hoàn thành thống nhất Trung tâm Phục vụ hành chính công theo mô hình tập trung, hiện đại',
      deliverable: 'Trung tâm Phục vụ hành chính công kết nối đồng bộ 126 xã, phường',
      target: { text: '126/126 xã, phường kết nối', value: 126, unit: 'xã, phường' },
      group: 'TC',
      lead: HN.serviceCentre,
      coordinators: [HN.pcOffice, HN.hoanKiem],
      priority: 'urgent',
      plan: fresh(cal.rel('2025-12-05'), true),
    },
    {
      title: 'Cung cấp dịch vụ công trực tuyến toàn trình cho tất cả thủ tục lĩnh vực doanh nghiệp',
      deliverable: 'Danh mục thủ tục doanh nghiệp trực tuyến toàn trình',
      target: { text: '100% thủ tục lĩnh vực doanh nghiệp trực tuyến toàn trình', value: 100, unit: '%' },
      group: 'TC',
      lead: HN.finance,
      coordinators: [HN.serviceCentre],
      priority: 'high',
      plan: fresh(cal.rel('2025-12-20'), false),
    },
    {
      title: 'Tái cấu trúc toàn bộ 50 thủ tục hành chính trọng tâm',
      deliverable: 'Quy trình mới của 50 thủ tục trọng tâm',
      target: { text: '50 thủ tục được tái cấu trúc', value: 50, unit: 'thủ tục' },
      group: 'TC',
      lead: HN.pcOffice,
      coordinators: [HN.serviceCentre, HN.justice],
      plan: fresh(cal.rel('2025-12-31'), false),
    },
    {
      title: 'Xem xét, trả lời cụ thể kiến nghị, đề xuất của các xã, phường',
      deliverable: 'Văn bản trả lời từng kiến nghị',
      target: { text: '100% kiến nghị được trả lời', value: 100, unit: '%' },
      group: 'TC',
      lead: HN.pcOffice,
      coordinators: [HN.partyOffice],
      priority: 'high',
      plan: fresh(cal.rel('2025-11-30'), false),
    },
    {
      title: 'Báo cáo phương án đầu tư đồng bộ hạ tầng công nghệ thông tin cho 126 xã, phường',
      deliverable: 'Tờ trình UBND Thành phố về phương án đầu tư',
      target: { text: '126 xã, phường', value: 126, unit: 'xã, phường' },
      group: 'HT',
      lead: HN.finance,
      coordinators: [HN.science],
      priority: 'high',
      plan: fresh(cal.rel('2026-01-31'), false),
    },
  ];
}

export function hanoiTasks(cal: Calendar, rng: Rng): TaskSpec[] {
  const fixed = [...departmentTasks(cal), ...localTasks()];
  const need = HANOI_QUOTAS.central.total - fixed.length;
  const candidates = SECTOR_TEMPLATES.flatMap((tpl) =>
    SECTORS.map((s) => ({ ...tpl(s.name), lead: s.lead })),
  );
  if (need < 0 || candidates.length < need) throw new Error('Hanoi catalogue does not add up to 187 tasks');
  const picked = new Set(rng.sample(candidates, need));
  const central = [...fixed, ...candidates.filter((c) => picked.has(c))];
  const centralDirectives = [D.resolution57, D.government03, D.government03, D.government71];

  const specs: TaskSpec[] = central.map((d, i) => ({
    ...d,
    code: `HN57-TW-${String(i + 1).padStart(3, '0')}`,
    level: 'central',
    directive: d.directive ?? rng.pick(centralDirectives),
  }));
  const city = [...cityOverdueTasks(), ...conclusionTasks(cal)];
  city.forEach((d, i) =>
    specs.push({
      ...d,
      code: `HN57-TP-${String(i + 1).padStart(3, '0')}`,
      level: 'city',
      directive: d.directive ?? (i < HANOI_QUOTAS.city.overdue ? D.cityPlan : D.conclusion),
    }),
  );
  return specs;
}
