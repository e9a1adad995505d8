/**
 * Criteria sets (e.g. the 17 digital-transformation criteria for communes, an infrastructure
 * survey) and the data catalogue's vocabularies. Pure: the server and the client share them.
 */
export const CRITERION_KINDS = ['boolean', 'score'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Groups a survey's criteria fall in (the 126-commune survey of article 002), or none. */
export const CRITERION_GROUPS = ['headquarters', 'equipment', 'human_resources', 'network', 'other'] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];

/** Who entered a value: the unit itself (its officer or leader) or the standing agency. */
export const ENTERED_AS = ['unit', 'standing'] as const;
export type EnteredAs = (typeof ENTERED_AS)[number];

/** A value is met when it says so (met / not met) or when its score reaches the threshold. */
export function criterionMet(
  c: { kind: CriterionKind; threshold: number | null },
  v: { met?: boolean | null; score?: number | null },
): boolean {
  if (c.kind === 'boolean') return v.met === true;
  return v.score !== null && v.score !== undefined && v.score >= (c.threshold ?? 0);
}

/** Set periods: a year ('2025'), a quarter ('2025-Q3') or a month ('2025-11'). */
export const CRITERIA_PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** Shared platforms a dataset may be connected to. */
export const PLATFORMS = [
  'national_population_db',
  'national_portal',
  'city_data_warehouse',
  'city_public_service_system',
  'land_db',
  'business_registry',
  'national_data_exchange',
  'iHanoi',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The six marks of a good database: correct, sufficient, clean, live, unified, shared. */
export const DATASET_MARKS = ['correct', 'sufficient', 'clean', 'live', 'unified', 'shared'] as const;
export type DatasetMark = (typeof DATASET_MARKS)[number];

/** Published as of D: a publication day on or before D. */
export const publishedAsOf = (publishedOn: string | null, asOf: string) =>
  publishedOn !== null && publishedOn <= asOf;

/** The first day of an assessment period: 2025 → 2025-01-01, 2025-Q3 → 2025-07-01, 2025-11 → 2025-11-01. */
export function periodStart(key: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (/^\d{4}-\d{2}$/.test(key)) return `${key}-01`;
  return `${key.slice(0, 4)}-01-01`;
}
