import type { Rng } from './random.js';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Phan',
  'Đinh',
  'Trịnh',
  'Đào',
  'Mai',
  'Lưu',
  'Tạ',
  'Cao',
] as const;
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Mạnh', 'Xuân', 'Tiến', 'Công', 'Thanh'] as const;
const FEMALE_MIDDLE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Minh', 'Phương', 'Kim'] as const;
const MALE_GIVEN = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Long',
  'Nam',
  'Sơn',
  'Thắng',
  'Hải',
  'Hiếu',
  'Bình',
  'Cường',
  'Đạt',
  'Khánh',
  'Quân',
  'Vinh',
  'Trung',
  'Huy',
  'Tùng',
  'Thành',
  'Phong',
] as const;
const FEMALE_GIVEN = [
  'Hà',
  'Lan',
  'Hương',
  'Phương',
  'Linh',
  'Trang',
  'Thảo',
  'Yến',
  'Hạnh',
  'Nga',
  'Mai',
  'Thủy',
  'Hằng',
  'Loan',
  'Huyền',
  'Vân',
] as const;

/** Plausible Vietnamese full names, never the same twice within one generator. */
export function personNames(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const female = rng.chance(0.35);
      const name = [
        rng.pick(FAMILY),
        rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE),
        rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN),
      ].join(' ');
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}
