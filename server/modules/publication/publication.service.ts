import { addDays } from '../../../shared/dates.js';
import { zonedInstant } from '../../../shared/periods.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type {
  Publication,
  PublicationInput,
  PublicIndicator,
  PublicProgramme,
} from '../../../shared/schemas/publication.js';
import type { StateCounts } from '../../../shared/schemas/tasks.js';
import { TASK_STATES } from '../../../shared/task-state.js';
import type { AssignedLevel } from '../../../shared/vocabulary.js';
import { compareSeverity, severityOf } from '../../../shared/warning-severity.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/app-error.js';
import type { Clock } from '../../lib/clock.js';
import { pickName } from '../../lib/localize.js';
import { auditLog } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { canManagePublication, hasProgrammeRole, isAdmin, publishedCountsScope } from '../auth/policy.js';
import type { CockpitServices } from '../../../shared/schemas/cockpit.js';
import { createProgrammesRepo } from '../programmes/programmes.repo.js';
import type { ProgrammesService } from '../programmes/programmes.service.js';
import type { TasksRepo } from '../tasks/tasks.repo.js';
import { createPublicationRepo, type PublicationRow } from './publication.repo.js';

/** Published indicator values of a programme (the indicators module answers). */
export type PublicIndicatorsSource = (q: {
  programmeId: number;
  codes: string[];
  asOf: string;
  locale: Locale;
}) => Promise<PublicIndicator[]>;
/** The service indicators of a programme's root unit, from the start of the year to `asOf`. */
export type PublicServicesSource = (q: {
  programmeId: number;
  rootUnitId: number;
  asOf: string;
}) => Promise<Omit<CockpitServices, 'ranking'> | null>;

const emptyCounts = (): StateCounts => Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as StateCounts;
const slugOf = (code: string) =>
  code
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'programme';

/**
 * What a programme shows the public: chosen by its steering body or standing agency, read by
 * anyone at a stable address. Only what is switched on leaves, and only as aggregated figures or
 * frozen (published) lists: no task, no draft, no unit's own unpublished figure.
 */
export function createPublicationService(deps: {
  db: Db;
  clock: Clock;
  programmes: ProgrammesService;
  tasksRepo: TasksRepo;
  indicators?: PublicIndicatorsSource;
  services?: PublicServicesSource;
}) {
  const { db, clock, programmes, tasksRepo } = deps;
  const repo = createPublicationRepo(db);
  const programmesRepo = createProgrammesRepo(db);

  const present = (row: PublicationRow | undefined, programmeId: number, code: string): Publication =>
    row
      ? {
          programmeId,
          slug: row.slug,
          enabled: row.enabled,
          taskCounts: row.taskCounts,
          warningLists: row.warningLists,
          serviceIndicators: row.serviceIndicators,
          indicatorCodes: row.indicatorCodes,
          updatedAt: row.updatedAt.toISOString(),
        }
      : {
          programmeId,
          slug: slugOf(code),
          enabled: false,
          taskCounts: true,
          warningLists: false,
          serviceIndicators: false,
          indicatorCodes: [],
          updatedAt: null,
        };

  async function programmeRow(id: number) {
    const row = (await programmesRepo.listWithRoot()).find((r) => r.programme.id === id);
    if (!row) throw new AppError('programme_not_found');
    return row.programme;
  }

  return {
    async settings(actor: Actor, programmeId: number): Promise<Publication> {
      await programmes.access(actor, programmeId);
      if (!isAdmin(actor) && !hasProgrammeRole(actor, programmeId)) throw new AppError('forbidden');
      const p = await programmeRow(programmeId);
      return present(await repo.of(programmeId), programmeId, p.code);
    },

    async update(actor: Actor, programmeId: number, input: PublicationInput): Promise<Publication> {
      await programmes.access(actor, programmeId);
      if (!canManagePublication(actor, programmeId)) throw new AppError('forbidden');
      const p = await programmeRow(programmeId);
      const before = await repo.of(programmeId);
      const owner = await repo.bySlug(input.slug);
      if (owner && owner.programmeId !== programmeId)
        throw new AppError('duplicate_code', { code: input.slug }, 'slug');
      const codes = [...new Set(input.indicatorCodes)];
      const row = await db.transaction(async (tx) => {
        const saved = await createPublicationRepo(tx).upsert({
          programmeId,
          ...input,
          indicatorCodes: codes,
          updatedAt: clock.now(),
          updatedBy: actor.userId,
        });
        await auditLog(tx, clock).record({
          actorId: actor.userId,
          action: 'programme.publication',
          entity: 'programme',
          entityId: String(programmeId),
          before: before ? present(before, programmeId, p.code) : null,
          after: present(saved, programmeId, p.code),
        });
        return saved;
      });
      return present(row, programmeId, p.code);
    },

    async publicList() {
      const enabled = await repo.enabled();
      const all = await programmesRepo.listWithRoot();
      return enabled.flatMap((e) => {
        const p = all.find((r) => r.programme.id === e.programme_id)?.programme;
        return p ? [{ slug: e.slug, name: { vi: p.nameVi, en: p.nameEn, ar: p.nameAr } }] : [];
      });
    },

    async publicProgramme(
      slug: string,
      asOfParam: string | undefined,
      locale: Locale,
    ): Promise<PublicProgramme> {
      const pub = await repo.bySlug(slug);
      if (!pub || !pub.enabled) throw new AppError('not_found');
      const access = await programmes.system(pub.programmeId);
      const p = await programmeRow(pub.programmeId);
      // The public sees the record up to today, never a date ahead of it.
      const asOf = asOfParam && asOfParam < access.today ? asOfParam : access.today;

      let taskCounts: PublicProgramme['taskCounts'] = null;
      if (pub.taskCounts) {
        const counts = await tasksRepo.stateCounts(asOf, publishedCountsScope(pub), {
          programmeId: pub.programmeId,
          unitRole: 'any',
        });
        const byState = emptyCounts();
        const levels = new Map<string, { total: number; byState: StateCounts }>();
        for (const c of counts) {
          byState[c.state] += c.n;
          const l = levels.get(c.assigned_level) ?? { total: 0, byState: emptyCounts() };
          l.total += c.n;
          l.byState[c.state] += c.n;
          levels.set(c.assigned_level, l);
        }
        taskCounts = {
          total: Object.values(byState).reduce((a, b) => a + b, 0),
          byState,
          byLevel: [...levels].map(([level, v]) => ({
            level: level as AssignedLevel,
            ...v,
          })),
        };
      }

      let warningList: PublicProgramme['warningList'] = null;
      if (pub.warningLists) {
        const endOfDay = zonedInstant(addDays(asOf, 1), '00:00', access.timeZone);
        const list = await repo.latestPublishedList(pub.programmeId, endOfDay);
        if (list)
          warningList = {
            period: list.period,
            publishedAt: new Date(list.published_at).toISOString(),
            units: (await repo.listedUnits(list.id)).sort(compareSeverity).map((u) => ({
              code: u.code,
              name: pickName(locale, u.name_vi, u.name_en, u.name_ar),
              streak: u.streak,
              daysOverdue: severityOf(u.reasons).daysOverdue,
              // Counts only: which tasks are late stays with those who may read the tasks.
              reasons: u.reasons.map((r) => ({ code: r.code, count: r.count })),
            })),
          };
      }

      const services =
        pub.serviceIndicators && deps.services && p.rootUnitId
          ? await deps.services({ programmeId: pub.programmeId, rootUnitId: p.rootUnitId, asOf })
          : null;
      const indicators =
        pub.indicatorCodes.length && deps.indicators
          ? await deps.indicators({ programmeId: pub.programmeId, codes: pub.indicatorCodes, asOf, locale })
          : [];

      return {
        slug: pub.slug,
        name: { vi: p.nameVi, en: p.nameEn, ar: p.nameAr },
        description: p.description,
        timeZone: access.timeZone,
        asOf,
        taskCounts,
        warningList,
        services,
        indicators,
      };
    },
  };
}
export type PublicationService = ReturnType<typeof createPublicationService>;
