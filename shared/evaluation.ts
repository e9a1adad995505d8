/**
 * Year-end evaluation of units from the record: each criterion a share in [0, 1] computed from
 * data, weighted into a 100-point score, graded by thresholds, with an optional cap on the share
 * of the top grade. Pure, so the rules are tested on hand-made cases.
 */

export const GRADES = ['excellent', 'good', 'complete', 'not_complete'] as const;
export type Grade = (typeof GRADES)[number];

/** What a unit is scored on, each from the record. */
export const EVALUATION_CRITERIA = [
  'tasks_on_time',
  'reporting_on_time',
  'kpi_attainment',
  'disbursement_rate',
  'obstacles_in_time',
  'recommendations_in_time',
] as const;
export type CriterionCode = (typeof EVALUATION_CRITERIA)[number];
export type CriterionConfig = { code: CriterionCode; weight: number };
export type EvaluationRules = {
  criteria: CriterionConfig[];
  /** Lowest score of each grade but the last, e.g. excellent 90, good 70, complete 50. */
  thresholds: { excellent: number; good: number; complete: number };
  /** At most this share (percent) of the units may be excellent; null for no cap. */
  excellentCapPct: number | null;
};

export const DEFAULT_RULES: EvaluationRules = {
  criteria: [
    { code: 'tasks_on_time', weight: 40 },
    { code: 'reporting_on_time', weight: 20 },
    { code: 'kpi_attainment', weight: 10 },
    { code: 'disbursement_rate', weight: 10 },
    { code: 'obstacles_in_time', weight: 10 },
    { code: 'recommendations_in_time', weight: 10 },
  ],
  thresholds: { excellent: 90, good: 70, complete: 50 },
  excellentCapPct: 20,
};

/** One item behind a figure: a task, a period, an obstacle… and whether it counted in the numerator. */
export type EvidenceItem = { ref: string; ok: boolean };

/** A criterion's figure for a unit: numerator ÷ denominator, or not applicable (no denominator). */
export type CriterionFigure = {
  code: string;
  numerator: number;
  denominator: number;
  evidence?: EvidenceItem[];
};

export type UnitScore = {
  unitId: number;
  code: string;
  breakdown: {
    code: string;
    weight: number;
    /** numerator ÷ denominator in [0, 1]; null when not applicable (nothing to judge). */
    share: number | null;
    points: number | null;
    numerator: number;
    denominator: number;
    /** The items the figure counts (the numerator's marked ok). */
    evidence: EvidenceItem[];
  }[];
  /** Out of 100 over the applicable criteria' weights; null when none applies. */
  score: number | null;
  grade: Grade | null;
  /** Set when the cap moved the unit from excellent down to good. */
  capped: boolean;
  rank: number | null;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The 100-point score: criteria without a denominator do not count, the others are re-weighted. */
export function scoreUnit(rules: EvaluationRules, figures: CriterionFigure[]) {
  const breakdown = rules.criteria.map((c) => {
    const f = figures.find((x) => x.code === c.code);
    const share = f && f.denominator > 0 ? Math.min(1, Math.max(0, f.numerator / f.denominator)) : null;
    return {
      code: c.code,
      weight: c.weight,
      share: share === null ? null : round2(share * 100) / 100,
      points: share === null ? null : round2(share * c.weight),
      numerator: f?.numerator ?? 0,
      denominator: f?.denominator ?? 0,
      evidence: f?.evidence ?? [],
    };
  });
  const applicable = breakdown.filter((b) => b.share !== null);
  const weights = applicable.reduce((a, b) => a + b.weight, 0);
  const score = weights
    ? round2((applicable.reduce((a, b) => a + (b.share ?? 0) * b.weight, 0) / weights) * 100)
    : null;
  return { breakdown, score };
}

export function gradeOf(score: number, t: EvaluationRules['thresholds']): Grade {
  if (score >= t.excellent) return 'excellent';
  if (score >= t.good) return 'good';
  if (score >= t.complete) return 'complete';
  return 'not_complete';
}

/**
 * Scores, grades and ranks every unit. Ranks are shared by equal scores (1, 2, 2, 4), ties ordered
 * by code. The cap keeps the share of "excellent" at or below the limit: excellent units beyond it,
 * lowest scores first, become "good"; units tied at the limit are treated alike — if they cannot
 * all stay excellent, none of them does (the cap is never exceeded, and equal scores get equal grades).
 */
export function evaluateUnits(
  rules: EvaluationRules,
  units: { unitId: number; code: string; figures: CriterionFigure[] }[],
): UnitScore[] {
  const scored: UnitScore[] = units.map((u) => {
    const { breakdown, score } = scoreUnit(rules, u.figures);
    return {
      unitId: u.unitId,
      code: u.code,
      breakdown,
      score,
      grade: score === null ? null : gradeOf(score, rules.thresholds),
      capped: false,
      rank: null,
    };
  });
  scored.sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  let rank = 0;
  scored.forEach((u, i) => {
    if (u.score === null) return;
    if (i === 0 || u.score !== scored[i - 1]!.score) rank = i + 1;
    u.rank = rank;
  });
  if (rules.excellentCapPct !== null) {
    const graded = scored.filter((u) => u.score !== null).length;
    const allowed = Math.floor((graded * rules.excellentCapPct) / 100);
    const excellent = scored.filter((u) => u.grade === 'excellent');
    if (excellent.length > allowed) {
      // The score of the last unit that may stay: a tie at it that would cross the limit goes down too.
      const keep = new Set<UnitScore>();
      for (const u of excellent) {
        const tied = excellent.filter((x) => x.score === u.score);
        const keptSoFar = keep.size;
        if (keep.has(u)) continue;
        if (keptSoFar + tied.length <= allowed) tied.forEach((x) => keep.add(x));
        else break;
      }
      for (const u of excellent)
        if (!keep.has(u)) {
          u.grade = 'good';
          u.capped = true;
        }
    }
  }
  return scored;
}
