import type { Locale } from '../../../../shared/schemas/common.js';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/vocabulary.js';
import { foldText } from '../../../../shared/text-fold.js';

/** The kinds' names, as the web shows them: the template's second sheet lists them beside the codes. */
export const UNIT_KIND_LABELS: Record<Locale, Record<UnitKind, string>> = {
  vi: {
    central_agency: 'Cơ quan Trung ương',
    ministry: 'Bộ, ngành',
    province: 'Tỉnh',
    city: 'Thành phố',
    party_office: 'Cơ quan Đảng',
    department: 'Sở, ban, ngành',
    police: 'Công an',
    treasury: 'Kho bạc',
    district: 'Quận, huyện',
    commune: 'Xã',
    ward: 'Phường',
    other: 'Khác',
  },
  en: {
    central_agency: 'Central agency',
    ministry: 'Ministry',
    province: 'Province',
    city: 'City',
    party_office: 'Party office',
    department: 'Department',
    police: 'Police',
    treasury: 'Treasury',
    district: 'District',
    commune: 'Commune',
    ward: 'Ward',
    other: 'Other',
  },
  ar: {
    central_agency: 'جهة مركزية',
    ministry: 'وزارة',
    province: 'مقاطعة',
    city: 'مدينة',
    party_office: 'مكتب الحزب',
    department: 'إدارة',
    police: 'الشرطة',
    treasury: 'الخزينة',
    district: 'منطقة',
    commune: 'بلدية',
    ward: 'حي',
    other: 'أخرى',
  },
};

const byText = new Map<string, UnitKind>();
for (const k of UNIT_KINDS) {
  byText.set(k, k);
  for (const l of Object.values(UNIT_KIND_LABELS)) byText.set(foldText(l[k]), k);
}

/** A kind written as its code ("commune") or its name in any language ("Xã", "Commune"). */
export const kindOf = (text: string): UnitKind | undefined => byText.get(foldText(text));
