/**
 * How bad a unit's week is, from the reasons it is listed for, so that a warning list reads worst
 * first (decision 41). The streak ("n periods in a row") is shown beside it, never used to rank:
 * in a programme whose overdue tasks stay overdue, most listed units share the same streak.
 */
type Reason = {
  code: string;
  count: number;
  items?: readonly unknown[];
};

export type Severity = {
  overdueTasks: number;
  /** Days overdue summed over the unit's overdue tasks (every task, not only those shown). */
  daysOverdue: number;
  /** Percentage points below the disbursement threshold (0 when not below). */
  moneyGap: number;
  reportMissing: boolean;
  reportLate: boolean;
  recommendationsOverdue: number;
};

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : 0) || 0;

export function severityOf(reasons: readonly Reason[]): Severity {
  const s: Severity = {
    overdueTasks: 0,
    daysOverdue: 0,
    moneyGap: 0,
    reportMissing: false,
    reportLate: false,
    recommendationsOverdue: 0,
  };
  for (const r of reasons) {
    if (r.code === 'overdue_tasks') {
      s.overdueTasks = r.count;
      s.daysOverdue = (r.items ?? []).reduce<number>(
        (a, i) => a + num((i as { daysOverdue?: unknown }).daysOverdue),
        0,
      );
    } else if (r.code === 'disbursement_below_threshold') {
      const i = (r.items?.[0] ?? {}) as { rate?: unknown; minRatePct?: unknown };
      // A reason without its figures (a public read) still ranks above one without the reason.
      s.moneyGap = Math.max(num(i.minRatePct) - num(i.rate), Number.MIN_VALUE);
    } else if (r.code === 'report_missing') s.reportMissing = true;
    else if (r.code === 'report_late') s.reportLate = true;
    else if (r.code === 'recommendations_overdue') s.recommendationsOverdue = r.count;
  }
  return s;
}

/**
 * Worst first: more overdue tasks, then more days overdue in all, then further below the
 * disbursement threshold, then no report, then a late report, then more recommendations
 * unanswered; ties by the longer streak, then by unit code (a stable, readable order).
 */
export function compareSeverity(
  a: { reasons: readonly Reason[]; streak: number; code: string },
  b: { reasons: readonly Reason[]; streak: number; code: string },
): number {
  const x = severityOf(a.reasons);
  const y = severityOf(b.reasons);
  return (
    y.overdueTasks - x.overdueTasks ||
    y.daysOverdue - x.daysOverdue ||
    Math.sign(y.moneyGap - x.moneyGap) ||
    Number(y.reportMissing) - Number(x.reportMissing) ||
    Number(y.reportLate) - Number(x.reportLate) ||
    y.recommendationsOverdue - x.recommendationsOverdue ||
    b.streak - a.streak ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
