import ExcelJS from 'exceljs';
import { TASK_STATES } from '../../../shared/task-state.js';
import type { BriefData } from './brief.data.js';
import { BRIEF_LABELS } from './brief.labels.js';

type Cell = string | number | Date | null;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const sheetName = (s: string) =>
  s
    .replace(/^[IVX]+\.\s*|^[^:]+:\s*/, '')
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31);

/** The weekly brief as a workbook: one sheet per section, numbers as numbers, dates as dates. */
export async function briefXlsx(d: BriefData): Promise<Buffer> {
  const l = BRIEF_LABELS[d.locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Steerboard';
  wb.title = `${l.title} ${d.period.key}`;
  const sheet = (title: string, header: string[], rows: Cell[][]) => {
    const ws = wb.addWorksheet(sheetName(title), {
      views: [{ rightToLeft: d.locale === 'ar', state: 'frozen', ySplit: 1 }],
    });
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((col, i) => {
      col.width = Math.min(60, Math.max(12, (header[i]?.length ?? 10) + 2));
      if (rows.some((r) => r[i] instanceof Date)) col.numFmt = 'dd/mm/yyyy';
    });
    return ws;
  };
  const s = d.cockpit.summary;
  sheet(
    l.sections.headline,
    [l.cols.state, l.cols.lastWeek, l.cols.now, l.cols.change],
    [
      ...TASK_STATES.map((st) => [
        l.states[st],
        d.lastWeek.byState[st],
        s.byState[st],
        s.byState[st] - d.lastWeek.byState[st],
      ]),
      [l.total, d.lastWeek.total, s.total, s.total - d.lastWeek.total],
    ],
  );
  sheet(
    l.cols.level,
    [l.cols.level, l.cols.overdue, l.total],
    s.byLevel.map((x) => [l.levels[x.level] ?? x.level, x.byState.overdue, x.total]),
  );
  sheet(
    l.sections.warningList,
    [l.cols.unit, ...Object.values(l.reasons), l.cols.streak],
    (d.warningList?.units ?? [])
      .filter((u) => !u.removed)
      .map((u) => [
        u.unit.name,
        ...Object.keys(l.reasons).map((code) => u.reasons.find((r) => r.code === code)?.count ?? 0),
        u.streak,
      ]),
  );
  sheet(
    l.sections.overdue,
    [l.cols.unit, l.cols.task, l.cols.deadline, l.cols.daysLate],
    d.overdueByUnit.flatMap((g) =>
      g.tasks.map((t) => [g.unit.name, `${t.code} · ${t.title}`, day(t.deadline), t.daysLate]),
    ),
  );
  sheet(
    l.sections.discipline,
    [l.cols.expected, l.cols.received, l.cols.onTime, l.cols.rate, l.cols.late, l.cols.missing],
    [
      [
        d.discipline.expected,
        d.discipline.received,
        d.discipline.onTime,
        d.discipline.reportingRate,
        d.discipline.late.length,
        d.discipline.missing.length,
      ],
    ],
  );
  // Money as numbers of đồng (exact below 2^53, i.e. 9 million billion), rates as percent numbers.
  const num = (v: string | null) => (v === null ? null : Number(v));
  const m = d.money;
  const moneySheet = sheet(
    l.sections.money,
    [
      l.extra.rank,
      l.cols.unit,
      l.extra.allocated,
      l.extra.disbursed,
      l.cols.rate,
      l.extra.changePts,
      l.extra.minRate,
      l.extra.below,
    ],
    m
      ? [
          [
            null,
            l.total,
            num(m.allocated),
            num(m.disbursed),
            num(m.rate),
            m.rate !== null && m.previousRate !== null
              ? round4(Number(m.rate) - Number(m.previousRate))
              : null,
            num(m.threshold?.minRatePct ?? null),
            m.threshold ? (m.belowThreshold ? l.yes : l.no) : null,
          ],
          ...m.units.map((u) => [
            u.rank,
            u.unit,
            num(u.allocated),
            num(u.disbursed),
            num(u.rate),
            num(u.change),
            num(m.threshold?.minRatePct ?? null),
            m.threshold ? (u.belowThreshold ? l.yes : l.no) : null,
          ]),
        ]
      : [],
  );
  moneySheet.getColumn(3).numFmt = '#,##0';
  moneySheet.getColumn(4).numFmt = '#,##0';
  sheet(
    l.sections.curve,
    [l.extra.byDay, l.extra.minRate],
    (m?.curve ?? []).map((p) => [day(`${m!.year}-${p.byDay}`), Number(p.minRatePct)]),
  );
  sheet(
    l.sections.kpis,
    [l.cols.objective, l.cols.indicator, l.cols.value, l.cols.target, l.cols.attainment, l.cols.status],
    d.cockpit.kpis.map((k) => [
      k.objective,
      k.name,
      k.value,
      k.target,
      k.attainment,
      l.kpiStatuses[k.status] ?? k.status,
    ]),
  );
  if (d.cockpit.services)
    sheet(
      l.sections.services,
      [l.cols.indicator, l.cols.numerator, l.cols.denominator, l.cols.value],
      d.cockpit.services.totals.map((i) => [i.code, i.numerator, i.denominator, i.value]),
    );
  const obstacles = (['new', 'overdue', 'resolved'] as const).flatMap((g) =>
    d.obstacles[g].map((o) => [
      l.obstacleGroups[g],
      o.title,
      l.categories[o.category] ?? o.category,
      l.obstacleStatuses[o.status] ?? o.status,
      o.owner,
      day(o.raisedOn),
      o.dueOn ? day(o.dueOn) : null,
      o.resolvedOn ? day(o.resolvedOn) : null,
      o.daysOverdue,
    ]),
  );
  sheet(
    l.sections.obstacles,
    [
      l.extra.group,
      l.extra.title,
      l.extra.category,
      l.cols.status,
      l.extra.owner,
      l.extra.raisedOn,
      l.extra.dueOn,
      l.extra.resolvedOn,
      l.extra.daysOverdue,
    ],
    obstacles,
  );
  sheet(
    l.sections.recommendations,
    [
      l.extra.from,
      l.extra.to,
      l.extra.content,
      l.extra.submittedOn,
      l.extra.answerDueOn,
      l.extra.workingDaysLate,
    ],
    d.recommendationsPastDue.map((r) => [
      r.from,
      r.to,
      r.content,
      day(r.submittedOn),
      day(r.answerDueOn),
      r.workingDaysLate,
    ]),
  );
  sheet(
    l.sections.adjustments,
    [l.cols.task, l.cols.unit, l.cols.kind, l.cols.decision, l.cols.decidedAt],
    d.adjustments.map((a) => [
      a.task,
      a.unit,
      l.adjustmentKinds[a.kind] ?? a.kind,
      l.decisions[a.status] ?? a.status,
      day(a.decidedAt),
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
