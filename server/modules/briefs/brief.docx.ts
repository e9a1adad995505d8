import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import { adminDoc, placeAndDate, SMALL } from '../../lib/admin-docx.js';
import { displayRate, formatBillions, formatMoney } from '../../../shared/money.js';
import { TASK_STATES } from '../../../shared/task-state.js';
import type { BriefChart } from './brief.charts.js';
import type { BriefData, BriefObstacle } from './brief.data.js';
import { BRIEF_LABELS, type BriefLabels } from './brief.labels.js';

export function formatDay(iso: string, locale: string) {
  const [y, m, d] = iso.split('-');
  return locale === 'en' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

/** The weekly brief as an administrative document (DOCX), in the reader's language. */
export async function briefDocx(d: BriefData, charts: BriefChart[]): Promise<Buffer> {
  const l = BRIEF_LABELS[d.locale];
  const { run, para, heading, table, header: adminHeader, pack, start } = adminDoc(d.locale);
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);
  const c = d.cockpit;
  const s = c.summary;
  const moment = `${d.moment.toLocaleString('sv-SE', { timeZone: d.programme.timeZone }).slice(0, 16)} (${d.programme.timeZone})`;

  const header = adminHeader({
    issuer: d.programme.name,
    signature: l.signature,
    number: l.number,
    dateLine: placeAndDate(d.asOf, d.locale),
  });

  const chartBlocks = (section: BriefChart['section']) =>
    charts
      .filter((ch) => ch.section === section)
      .flatMap((ch) => [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: ch.png,
              transformation: { width: ch.width * 0.9, height: ch.height * 0.9 },
            }),
          ],
        }),
        para([run(ch.title, { italics: true, size: SMALL })], { align: AlignmentType.CENTER }),
      ]);
  const money = (v: string) => ltr(formatMoney(v, d.locale));
  const rate = (v: string | null) => ltr(displayRate(v, d.locale));
  function moneyBlocks(): (Paragraph | Table)[] {
    const m = d.money;
    if (!m) return [para(l.noMoney)];
    return [
      para(
        l.disbursement({
          day: formatDay(m.asOf, d.locale),
          rate: rate(m.rate),
          previous: rate(m.previousRate),
          allocated: money(m.allocated),
          disbursed: money(m.disbursed),
          threshold: m.threshold ? rate(m.threshold.minRatePct) : null,
          byDay: m.threshold ? m.threshold.byDay.split('-').reverse().join('/') : null,
          below: m.belowThreshold,
        }),
      ),
      ...(m.curve.length
        ? [
            table(
              [l.extra.byDay, ...m.curve.map((p) => p.byDay.split('-').reverse().join('/'))],
              [[l.extra.minRate, ...m.curve.map((p) => rate(p.minRatePct))]],
            ),
          ]
        : [para(l.noCurve)]),
      ...chartBlocks('money'),
      table(
        [l.extra.rank, l.cols.unit, l.extra.allocatedBn, l.extra.disbursedBn, l.cols.rate, l.extra.changePts],
        m.units.map((u) => [
          u.rank,
          u.belowThreshold ? `${u.unit} (!)` : u.unit,
          ltr(formatBillions(u.allocated, d.locale)),
          ltr(formatBillions(u.disbursed, d.locale)),
          rate(u.rate),
          u.change === null ? null : ltr(signedRate(u.change, d.locale)),
        ]),
        [800, 3071, 1400, 1400, 1100, 1300],
      ),
    ];
  }
  function obstacleBlock(
    title: string,
    list: BriefObstacle[],
    last: 'raisedOn' | 'resolvedOn' | 'daysOverdue',
  ): (Paragraph | Table)[] {
    const lastCol =
      last === 'raisedOn'
        ? l.extra.raisedOn
        : last === 'resolvedOn'
          ? l.extra.resolvedOn
          : l.extra.daysOverdue;
    return [
      para([run(`${title} (${list.length})`, { bold: true })], { before: 120, after: 60 }),
      list.length
        ? table(
            [l.extra.title, l.extra.category, l.extra.owner, l.extra.dueOn, lastCol],
            list.map((o) => [
              o.title,
              l.categories[o.category] ?? o.category,
              o.owner,
              o.dueOn ? formatDay(o.dueOn, d.locale) : null,
              last === 'daysOverdue' ? o.daysOverdue : formatDay(o[last]!, d.locale),
            ]),
            [3071, 1700, 1900, 1200, 1200],
          )
        : para(l.none),
    ];
  }

  const body: (Paragraph | Table)[] = [
    header,
    para([run(l.title, { bold: true })], { align: AlignmentType.CENTER, before: 360, after: 0 }),
    para(
      [
        run(
          l.subtitle(d.period.key, formatDay(d.period.start, d.locale), formatDay(d.period.end, d.locale)),
          { bold: true },
        ),
      ],
      { align: AlignmentType.CENTER, after: 0 },
    ),
    para([run(l.asOf(moment), { italics: true })], { align: AlignmentType.CENTER, after: 240 }),

    heading(l.sections.headline),
    table(
      [l.cols.state, l.cols.lastWeek, l.cols.now, l.cols.change],
      [
        ...TASK_STATES.map((st) => [
          l.states[st],
          d.lastWeek.byState[st],
          s.byState[st],
          signed(s.byState[st] - d.lastWeek.byState[st]),
        ]),
        [l.total, d.lastWeek.total, s.total, signed(s.total - d.lastWeek.total)],
      ],
    ),
    para(' ', { after: 60 }),
    table(
      [l.cols.level, l.cols.overdue, l.total],
      s.byLevel.map((x) => [l.levels[x.level] ?? x.level, x.byState.overdue, x.total]),
    ),
    para(
      l.reportingRate(
        pct(d.discipline.reportingRate),
        d.discipline.received,
        d.discipline.expected,
        d.discipline.onTime,
      ),
      { before: 120 },
    ),
    ...chartBlocks('headline'),

    heading(l.sections.warningList),
    ...(d.warningList
      ? d.warningList.units.filter((u) => !u.removed).length
        ? [
            table(
              [l.cols.unit, l.cols.reasons, l.cols.streak],
              d.warningList.units
                .filter((u) => !u.removed)
                .map((u) => [
                  u.unit.name,
                  u.reasons.map((r) => `${r.count} ${l.reasons[r.code] ?? r.code}`).join('; '),
                  u.streak,
                ]),
              [3600, 4071, 1400],
            ),
          ]
        : [para(l.noList)]
      : [para(l.notPublished)]),

    heading(l.sections.overdue),
    ...(d.overdueByUnit.length
      ? d.overdueByUnit.flatMap((g) => [
          para([run(`${g.unit.name} (${g.tasks.length})`, { bold: true })], { before: 120, after: 60 }),
          table(
            [l.cols.task, l.cols.deadline, l.cols.daysLate],
            g.tasks.map((t) => [`${t.code} · ${t.title}`, formatDay(t.deadline, d.locale), t.daysLate]),
            [5871, 1800, 1400],
          ),
        ])
      : [para(l.none)]),

    heading(l.sections.discipline),
    table(
      [l.cols.expected, l.cols.received, l.cols.onTime, l.cols.rate],
      [[d.discipline.expected, d.discipline.received, d.discipline.onTime, pct(d.discipline.reportingRate)]],
    ),
    para(`${l.cols.late}: ${d.discipline.late.map((u) => u.name).join(', ') || l.none}`, { before: 120 }),
    para(`${l.cols.missing}: ${d.discipline.missing.map((u) => u.name).join(', ') || l.none}`),

    heading(l.sections.money),
    ...moneyBlocks(),

    heading(l.sections.kpis),
    ...(c.kpis.length
      ? [
          table(
            [l.cols.indicator, l.cols.value, l.cols.target, l.cols.attainment, l.cols.status],
            c.kpis.map((k) => [
              k.name,
              k.value === null ? null : round2(k.value),
              k.target,
              k.attainment === null ? null : Number(k.attainment.toFixed(0)),
              l.kpiStatuses[k.status] ?? k.status,
            ]),
            [3900, 1300, 1300, 1300, 1271],
          ),
        ]
      : [para(l.none)]),

    heading(l.sections.services),
    ...(c.services
      ? [
          table(
            [l.cols.indicator, l.cols.numerator, l.cols.denominator, l.cols.value],
            c.services.totals.map((i) => [i.code, i.numerator, i.denominator, i.value]),
          ),
        ]
      : [para(l.none)]),

    heading(l.sections.obstacles),
    ...obstacleBlock(l.sections.obstaclesNew, d.obstacles.new, 'raisedOn'),
    ...obstacleBlock(l.sections.obstaclesOverdue, d.obstacles.overdue, 'daysOverdue'),
    ...obstacleBlock(l.sections.obstaclesResolved, d.obstacles.resolved, 'resolvedOn'),

    heading(l.sections.recommendations),
    ...(d.recommendationsPastDue.length
      ? [
          table(
            [l.extra.from, l.extra.to, l.extra.content, l.extra.answerDueOn, l.extra.workingDaysLate],
            d.recommendationsPastDue.map((r) => [
              r.from,
              r.to,
              r.content,
              formatDay(r.answerDueOn, d.locale),
              r.workingDaysLate,
            ]),
            [1700, 1700, 3171, 1300, 1200],
          ),
        ]
      : [para(l.none)]),

    heading(l.sections.adjustments),
    ...(d.adjustments.length
      ? [
          table(
            [l.cols.task, l.cols.unit, l.cols.kind, l.cols.decision, l.cols.decidedAt],
            d.adjustments.map((a) => [
              a.task,
              a.unit,
              l.adjustmentKinds[a.kind] ?? a.kind,
              l.decisions[a.status] ?? a.status,
              formatDay(a.decidedAt, d.locale),
            ]),
            [3471, 2000, 1200, 1200, 1200],
          ),
        ]
      : [para(l.none)]),

    para([run(l.recipients, { italics: true, size: SMALL })], {
      before: 480,
      align: start,
    }),
  ];

  return pack(`${l.title} ${d.period.key}`, body);
}

// Wrapped in a left-to-right isolate, so that "+2" stays "+2" in an Arabic table.
const signed = (n: number) => `\u2066${n > 0 ? `+${n}` : String(n)}\u2069`;
/** A figure written as text (amounts, rates, changes, in isolates): aligned right like numbers. */
const round2 = (x: number) => Math.round(x * 100) / 100;
const ltr = (s: string) => `\u2066${s}\u2069`;
/** A change in percentage points ("-3.2500") shown with two decimals and its sign. */
const signedRate = (v: string, locale: string) => {
  const points = displayRate(v.replace(/^-/, ''), locale).replace(/%$/, '');
  return v.startsWith('-') ? `−${points}` : `+${points}`;
};

export type { BriefLabels };
