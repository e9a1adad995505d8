import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { addDays } from '../../../shared/dates.js';
import {
  dueMoment,
  periodFromKey,
  periodsBetween,
  zonedInstant,
  type Period,
} from '../../../shared/periods.js';
import type { Discipline } from '../../../shared/schemas/reports.js';
import type { Actor } from '../auth/actor.js';
import { disciplineScope } from '../auth/policy.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import { createDisciplineRepo, type UnitMask, type UnitSent } from './discipline.repo.js';

export type Cell = Discipline['units'][number]['cells'][number];

/** On time, late, missing, or not yet due: a unit's report for a period judged at a moment. */
export function judge(expected: boolean, firstSubmittedAt: Date | null, dueAt: Date, now: Date): Cell {
  if (firstSubmittedAt) return firstSubmittedAt <= dueAt ? 'on_time' : 'late';
  if (!expected) return 'not_expected';
  return now < dueAt ? 'pending' : 'missing';
}

/** The same judgement from bits: sent at all, sent by the due moment. */
export function judgeBits(expected: boolean, sent: boolean, onTime: boolean, dueAt: Date, now: Date): Cell {
  if (sent) return onTime ? 'on_time' : 'late';
  if (!expected) return 'not_expected';
  return now < dueAt ? 'pending' : 'missing';
}

/**
 * Bit i of a mask (a bigint as decimal text) for i < n: one BigInt and one string per mask, not
 * a BigInt shift per cell (3,773 units × 12 weeks × 3 masks spent ~100 ms in shifts and GC).
 */
export function bitsOf(mask: string, n: number): boolean[] {
  const b = mask === '0' ? '' : BigInt(mask).toString(2);
  const out = new Array<boolean>(n);
  for (let i = 0; i < n; i++) out[i] = b.charCodeAt(b.length - 1 - i) === 49;
  return out;
}

/** Beyond this many changed units, reading every task again is as quick. */
const PATCH_UNITS = 500;

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 100 : null);

export function createDisciplineService(deps: { db: Db; clock: Clock; programmes: ProgrammesService }) {
  const repo = createDisciplineRepo(deps.db);

  /**
   * Who was expected when depends only on the tasks: kept per programme and range, at the
   * programme's tasks_version (every write to its tasks or coordinators moves it, in the
   * database, so several servers agree). When it has moved, only the units the triggers recorded
   * for the versions since (task_unit_changes, decision 9) are recomputed, by index; after a bulk
   * write or with too many units, all of it. Reports are always read afresh.
   */
  const cache = new Map<string, { version: number; masks: UnitMask[] }>();
  async function expectedMasks(programmeId: number, periods: Period[]): Promise<UnitMask[]> {
    const key = `${programmeId}|${periods[0]!.key}|${periods.at(-1)!.key}`;
    const version = await repo.tasksVersion(programmeId);
    const hit = cache.get(key);
    if (hit && hit.version === version) return hit.masks;
    const named =
      hit && hit.version < version ? await repo.changedUnits(programmeId, hit.version, version) : null;
    const changed = named && (await repo.withMergePartners(named));
    let masks: UnitMask[];
    if (hit && changed && changed.length <= PATCH_UNITS) {
      const again = new Set(changed);
      masks = [
        ...hit.masks.filter((m) => !again.has(m.unit_id)),
        ...(await repo.expectedMasks(programmeId, periods, changed)),
      ];
    } else masks = await repo.expectedMasks(programmeId, periods);
    cache.delete(key);
    if (cache.size >= 32) cache.delete(cache.keys().next().value!);
    cache.set(key, { version, masks });
    return masks;
  }

  return {
    /**
     * Reporting discipline for a range of periods (as DHIS2's reporting-rate summary): per unit the
     * cells, expected / received / on time, and the two rates; only periods already due count.
     */
    async table(
      actor: Actor,
      q: { programmeId: number; from: string; to: string; unitId?: number; asOf?: string },
    ): Promise<Discipline> {
      const p = await deps.programmes.access(actor, q.programmeId);
      const from = periodFromKey(q.from);
      const to = periodFromKey(q.to);
      if (from.cadence !== p.dueRule.cadence || to.cadence !== p.dueRule.cadence || from.start > to.start)
        throw new AppError('validation_failed', {}, 'from');
      const periods = periodsBetween(q.from, q.to);
      if (periods.length > 60) throw new AppError('validation_failed', {}, 'to');
      const daysOff = await repo.daysOff(periods[0]!.start, periods.at(-1)!.end);
      const dues = periods.map((x) => dueMoment(x, p.dueRule, daysOff));
      const scope = disciplineScope(actor, q.programmeId);
      let paths = scope.kind === 'programme' ? null : scope.unitPaths;
      if (q.unitId) {
        const u = await repo.unitPath(q.unitId);
        if (!u) throw new AppError('unit_not_found', { id: q.unitId }, 'unitId');
        paths = paths === null ? [u] : paths.some((x) => u.startsWith(x)) ? [u] : [];
      }
      // "As of" a day: what had been sent by its end, judged at that moment.
      const real = deps.clock.now();
      const end = q.asOf ? zonedInstant(addDays(q.asOf, 1), '00:00', p.timeZone) : null;
      const cutoff = end && end < real ? end : null;
      const [expected, sent] = await Promise.all([
        expectedMasks(q.programmeId, periods),
        repo.sentMasks(
          q.programmeId,
          periods.map((x, i) => ({ key: x.key, dueAt: dues[i]! })),
          cutoff,
        ),
      ]);
      const inScope = (u: { path: string }) => paths === null || paths.some((x) => u.path.startsWith(x));
      // Plain objects built field by field: spreading 3,773 driver rows twice showed in profiles.
      const units = new Map<number, Omit<UnitMask & UnitSent, 'path'>>();
      for (const u of expected)
        if (inScope(u))
          units.set(u.unit_id, {
            unit_id: u.unit_id,
            code: u.code,
            name_vi: u.name_vi,
            name_en: u.name_en,
            name_ar: u.name_ar,
            mask: u.mask,
            sent: '0',
            on_time: '0',
          });
      for (const s of sent) {
        if (!inScope(s)) continue;
        const u = units.get(s.unit_id);
        if (u) {
          u.sent = s.sent;
          u.on_time = s.on_time;
        } else
          units.set(s.unit_id, {
            unit_id: s.unit_id,
            code: s.code,
            name_vi: s.name_vi,
            name_en: s.name_en,
            name_ar: s.name_ar,
            mask: '0',
            sent: s.sent,
            on_time: s.on_time,
          });
      }
      const masks = [...units.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const now = cutoff ?? real;
      const n = dues.length;
      const list: Discipline['units'] = masks.map((m) => {
        const [expected, sent, onTime] = [bitsOf(m.mask, n), bitsOf(m.sent, n), bitsOf(m.on_time, n)];
        const u: Discipline['units'][number] = {
          unitId: m.unit_id,
          code: m.code,
          name: pickName(actor.locale, m.name_vi, m.name_en, m.name_ar),
          cells: [],
          expected: 0,
          received: 0,
          onTime: 0,
        };
        for (let i = 0; i < n; i++) {
          const cell = judgeBits(expected[i]!, sent[i]!, onTime[i]!, dues[i]!, now);
          u.cells.push(cell);
          if (cell === 'pending' || cell === 'not_expected') continue;
          u.expected++;
          u.received += cell === 'missing' ? 0 : 1;
          u.onTime += cell === 'on_time' ? 1 : 0;
        }
        return u;
      });
      const totals = list.reduce(
        (t, u) => ({
          expected: t.expected + u.expected,
          received: t.received + u.received,
          onTime: t.onTime + u.onTime,
        }),
        {
          expected: 0,
          received: 0,
          onTime: 0,
        },
      );
      return {
        programmeId: q.programmeId,
        periods: periods.map((x, i) => ({ key: x.key, dueAt: dues[i]!.toISOString() })),
        units: list,
        totals: {
          ...totals,
          reportingRate: rate(totals.received, totals.expected),
          onTimeRate: rate(totals.onTime, totals.expected),
        },
        neverReported: list
          .filter((u) => u.expected > 0 && u.received === 0)
          .map((u) => ({ unitId: u.unitId, code: u.code, name: u.name })),
      };
    },
  };
}
export type DisciplineService = ReturnType<typeof createDisciplineService>;
