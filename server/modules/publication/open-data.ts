import type { PublicProgramme } from '../../../shared/schemas/publication.js';
import { TASK_STATES } from '../../../shared/task-state.js';

/** One row per published figure: the long format open-data portals expect (one value a line). */
export type OpenDataRow = {
  section: 'tasks' | 'tasks_by_level' | 'warning_list' | 'service_indicators' | 'indicators';
  key: string;
  label: string;
  period: string;
  value: number | null;
};

export function openDataRows(p: PublicProgramme): OpenDataRow[] {
  const rows: OpenDataRow[] = [];
  if (p.taskCounts) {
    rows.push({ section: 'tasks', key: 'total', label: 'total', period: p.asOf, value: p.taskCounts.total });
    for (const s of TASK_STATES)
      rows.push({ section: 'tasks', key: s, label: s, period: p.asOf, value: p.taskCounts.byState[s] });
    for (const l of p.taskCounts.byLevel)
      for (const s of TASK_STATES)
        rows.push({
          section: 'tasks_by_level',
          key: `${l.level}.${s}`,
          label: l.level,
          period: p.asOf,
          value: l.byState[s],
        });
  }
  for (const u of p.warningList?.units ?? [])
    for (const r of u.reasons)
      rows.push({
        section: 'warning_list',
        key: `${u.code}.${r.code}`,
        label: u.name,
        period: p.warningList!.period,
        value: r.count,
      });
  if (p.services) {
    const range = `${p.services.from}/${p.services.to}`;
    for (const i of p.services.totals)
      rows.push({ section: 'service_indicators', key: i.code, label: i.code, period: range, value: i.value });
    for (const m of p.services.months)
      for (const i of m.indicators)
        rows.push({
          section: 'service_indicators',
          key: i.code,
          label: i.code,
          period: m.month,
          value: i.value,
        });
  }
  for (const i of p.indicators)
    rows.push({
      section: 'indicators',
      key: i.code,
      label: i.name,
      period: i.period ?? p.asOf,
      value: i.value,
    });
  return rows;
}

export function openDataCsv(p: PublicProgramme): string {
  const esc = (v: string | number | null) => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = ['programme', 'as_of', 'section', 'key', 'label', 'period', 'value'];
  const lines = openDataRows(p).map((r) =>
    [p.slug, p.asOf, r.section, r.key, r.label, r.period, r.value].map(esc).join(','),
  );
  return '\ufeff' + [head.join(','), ...lines].join('\r\n') + '\r\n';
}
