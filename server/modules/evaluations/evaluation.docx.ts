import { GRADES } from '../../../shared/evaluation.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { Evaluation } from '../../../shared/schemas/evaluations.js';
import { adminDoc, placeAndDate, SMALL } from '../../lib/admin-docx.js';
import { EVALUATION_LABELS } from './evaluation.labels.js';

const day = (iso: string) => iso.split('-').reverse().join('/');
// Enough items per figure to check it by hand; the XLSX and the screen hold the rest.
const EVIDENCE_SHOWN = 12;

/**
 * The year-end evaluation as an administrative document (national header, A4, Times New Roman):
 * the rules, the grades, the ranking with each unit's head, and each unit's points per criterion
 * with the figure and the items behind it.
 */
export async function evaluationDocx(
  e: Evaluation,
  programme: { name: string },
  locale: Locale,
): Promise<Buffer> {
  const l = EVALUATION_LABELS[locale];
  const d = adminDoc(locale);
  const { para, run, heading, table, AlignmentType } = d;
  const num = (v: number | null) => (v === null ? null : Number(v.toFixed(2)));
  const crit = e.rules.criteria;

  const body = [
    d.header({
      issuer: programme.name,
      signature: l.doc.signature,
      number: l.doc.number,
      dateLine: placeAndDate(e.asOf, locale),
    }),
    para([run(l.doc.title(e.year), { bold: true })], { align: AlignmentType.CENTER, before: 360, after: 0 }),
    para([run(l.doc.subtitle(day(e.asOf), e.status, e.approvedBy), { italics: true })], {
      align: AlignmentType.CENTER,
      after: 240,
    }),

    heading(l.doc.rules),
    table(
      [l.doc.criterion, l.doc.weight],
      crit.map((c) => [l.crit[c.code], c.weight]),
      [7071, 2000],
    ),
    para(
      l.doc.thresholds(
        e.rules.thresholds.excellent,
        e.rules.thresholds.good,
        e.rules.thresholds.complete,
        e.rules.excellentCapPct,
      ),
      { before: 120 },
    ),

    heading(l.doc.summary),
    table(
      [l.grade, l.doc.count],
      GRADES.map((g) => [l.grades[g], e.gradeCounts[g] ?? 0]),
      [7071, 2000],
    ),

    heading(l.doc.ranking),
    ...(e.units.length
      ? [
          table(
            [l.rank, l.unit, l.leader, l.score, l.grade],
            e.units.map((u) => [
              u.rank,
              `${u.unit.code} · ${u.unit.name}`,
              u.unit.leader,
              num(u.score),
              u.grade ? `${l.grades[u.grade]}${u.capped ? ' *' : ''}` : null,
            ]),
            [950, 3321, 2000, 1000, 1800],
          ),
          ...(e.units.some((u) => u.capped)
            ? [para([run(`* ${l.capped}`, { italics: true, size: SMALL })])]
            : []),
        ]
      : [para(l.doc.none)]),

    heading(l.doc.breakdown),
    ...e.units.flatMap((u) => [
      para(
        [run(`${u.rank ?? '—'}. ${u.unit.code} · ${u.unit.name} — ${num(u.score) ?? '—'}`, { bold: true })],
        {
          before: 120,
          after: 60,
        },
      ),
      table(
        [l.doc.criterion, l.doc.weight, 'n', 'N', l.doc.points, l.doc.evidence],
        u.breakdown.map((b) => {
          const ev = b.evidence ?? [];
          const shown = ev
            .slice(0, EVIDENCE_SHOWN)
            .map((x) => `${x.ok ? '✓' : '✗'} ${x.ref}`)
            .join('; ');
          return [
            l.crit[b.code as keyof typeof l.crit] ?? b.code,
            b.weight,
            b.share === null ? null : b.numerator,
            b.share === null ? null : b.denominator,
            b.share === null ? l.doc.notApplicable : num(b.points),
            ev.length > EVIDENCE_SHOWN ? `${shown} ${l.doc.more(ev.length - EVIDENCE_SHOWN)}` : shown || null,
          ];
        }),
        [2000, 900, 900, 900, 1000, 3371],
      ),
    ]),

    para([run(l.doc.recipients, { italics: true, size: SMALL })], { before: 480, align: d.start }),
  ];
  return d.pack(`${l.doc.title(e.year)}`, body);
}
