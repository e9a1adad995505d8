import type { Block } from './blocks.js';
import { readDeadline, readDeadlineInProse, readDocumentDate, type Recurrence } from './deadlines.js';
import { proseDrafts } from './extract-prose.js';
import { tableDrafts } from './extract-table.js';
import { matchUnit, matchUnitList, type UnitIndex, type UnitMatch } from './match-units.js';
import type { DraftSource, RawDraft } from './raw-draft.js';

export type DraftWarning = {
  code:
    | 'lead_missing'
    | 'lead_unmatched'
    | 'lead_ambiguous'
    | 'lead_many'
    | 'coordinator_unmatched'
    | 'deadline_missing'
    | 'deadline_not_understood'
    | 'deadline_year_from_document';
  /** The words concerned, as written. */
  text?: string;
  /** Units that look close (for the picker), never chosen for the person. */
  suggestions?: number[];
};

export type DraftTask = {
  title: string;
  leadUnitText: string | null;
  leadUnitId: number | null;
  /** When the lead names several units ("UBND các xã, phường"): them, for the person to choose. */
  leadUnitIds: number[];
  coordinatingUnitTexts: string[];
  coordinatingUnitIds: number[];
  deadlineText: string | null;
  deadline: string | null;
  recurrence: Recurrence | null;
  deliverable: string | null;
  group: string | null;
  source: DraftSource;
  warnings: DraftWarning[];
};

/** The blocks of a document read as task drafts; pure: the unit tree and the date are given. */
export function draftTasks(
  blocks: Block[],
  index: UnitIndex,
  /** The date a year-less deadline takes its year from: `override` if given, else the date the
   * document's header states, else `fallback` (the directive's date). */
  dates: { fallback: string | null; override?: string | null } | string | null,
): { drafts: DraftTask[]; documentDate: string | null; tablesRead: number; tablesSkipped: number } {
  const firstText = blocks
    .filter((b) => b.kind === 'para')
    .slice(0, 40)
    .map((b) => b.text)
    .join('\n');
  const d = typeof dates === 'object' && dates !== null ? dates : { fallback: dates, override: null };
  const date = d.override ?? readDocumentDate(firstText) ?? d.fallback;
  const raws: RawDraft[] = [];
  let run: Extract<Block, { kind: 'para' }>[] = [];
  let tablesRead = 0;
  let tablesSkipped = 0;
  const flush = () => {
    if (run.length) raws.push(...proseDrafts(run, index));
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'para') {
      run.push(b);
      continue;
    }
    flush();
    const rows = tableDrafts(b);
    if (rows) {
      tablesRead++;
      raws.push(...rows);
    } else tablesSkipped++;
  }
  flush();
  return { drafts: raws.map((r) => resolve(r, index, date)), documentDate: date, tablesRead, tablesSkipped };
}

function resolve(r: RawDraft, index: UnitIndex, date: string | null): DraftTask {
  const warnings: DraftWarning[] = [];
  let leadUnitId: number | null = null;
  let leadUnitIds: number[] = [];
  let leadText = r.leadText;
  if (!leadText) warnings.push({ code: 'lead_missing' });
  else {
    const parts = matchUnitList(index, leadText).filter((m) => m.status !== 'vague');
    const first = parts[0];
    if (parts.length === 1 && first?.status === 'matched') leadUnitId = first.ids[0] ?? null;
    else if (parts.length === 1 && first?.status === 'set') {
      leadUnitIds = first.ids;
      warnings.push({ code: 'lead_many', text: first.text });
    } else if (parts.length > 1 && first?.status === 'matched') {
      // "Sở A và Sở B chủ trì": the first leads, the others coordinate (said, not hidden).
      leadUnitId = first.ids[0] ?? null;
      leadText = first.text;
      warnings.push({ code: 'lead_many', text: r.leadText ?? '' });
    } else flagLead(warnings, first ?? matchUnit(index, leadText));
  }
  const coordMatches: UnitMatch[] = [];
  if (r.leadText && leadText !== r.leadText) coordMatches.push(...matchUnitList(index, r.leadText).slice(1));
  if (r.coordText) coordMatches.push(...matchUnitList(index, r.coordText));
  const coordIds = new Set<number>();
  for (const m of coordMatches) {
    if (m.status === 'matched' || m.status === 'set') m.ids.forEach((id) => coordIds.add(id));
    else if (m.status !== 'vague')
      warnings.push({ code: 'coordinator_unmatched', text: m.text, suggestions: m.suggestions });
  }
  if (leadUnitId !== null) coordIds.delete(leadUnitId);

  const reading = r.deadlineText
    ? r.deadlineInProse
      ? readDeadlineInProse(r.deadlineText, date)
      : readDeadline(r.deadlineText, date)
    : null;
  const deadlineText = r.deadlineInProse ? (reading?.text ?? null) : r.deadlineText;
  if (
    reading?.malformed ||
    (!r.deadlineInProse && r.deadlineText && !reading?.deadline && !reading?.recurrence)
  )
    warnings.push({ code: 'deadline_not_understood', text: r.deadlineText ?? '' });
  else if (!reading?.deadline && !reading?.recurrence) warnings.push({ code: 'deadline_missing' });
  else if (reading.yearFromDocument) warnings.push({ code: 'deadline_year_from_document', text: date ?? '' });

  return {
    title: r.title.slice(0, 500),
    leadUnitText: leadText,
    leadUnitId,
    leadUnitIds,
    coordinatingUnitTexts: coordMatches.map((m) => m.text),
    coordinatingUnitIds: [...coordIds],
    deadlineText,
    deadline: reading?.deadline ?? null,
    recurrence: reading?.recurrence ?? null,
    deliverable: r.deliverable,
    group: r.group,
    source: r.source,
    warnings,
  };
}

function flagLead(warnings: DraftWarning[], m: UnitMatch) {
  if (m.status === 'ambiguous')
    warnings.push({ code: 'lead_ambiguous', text: m.text, suggestions: m.suggestions });
  else warnings.push({ code: 'lead_unmatched', text: m.text, suggestions: m.suggestions });
}
