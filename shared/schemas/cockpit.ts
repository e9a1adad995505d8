import { z } from 'zod';
import { isoDate } from './common.js';
import { stateCounts, summaryResponse } from './tasks.js';
import { warningReasonSchema } from './warnings.js';
import { totalsSchema } from './money.js';
import { criteriaGlanceSchema } from './criteria.js';
import { COCKPIT_TILES } from '../vocabulary.js';

/** The cockpit's filters: they live in the URL, so a view can be shared and replayed. */
export const cockpitQuery = z
  .object({
    asOf: isoDate.optional(),
    groupId: z.coerce.number().int().positive().optional(),
    unitId: z.coerce.number().int().positive().optional(),
    /** How many weekly points the trends show (the "as of" week included). */
    weeks: z.coerce.number().int().min(2).max(52).default(12),
  })
  .strict();
export type CockpitQuery = z.infer<typeof cockpitQuery>;

export const cockpitParams = z.object({ programmeId: z.coerce.number().int().positive() }).strict();

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() });

export const kpiTileSchema = z.object({
  objectiveId: z.number().int(),
  objective: z.string(),
  groupId: z.number().int().nullable(),
  keyResultId: z.number().int(),
  indicatorCode: z.string(),
  name: z.string(),
  measure: z.string().nullable(),
  direction: z.enum(['higher', 'lower']),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  deadline: isoDate.nullable(),
  value: z.number().nullable(),
  /** The period the value is of (the latest with data as of the date). */
  period: z.string().nullable(),
  /** (value − baseline) ÷ (target − baseline), direction-aware, in percent. */
  attainment: z.number().nullable(),
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_data']),
  series: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
});
export type KpiTile = z.infer<typeof kpiTileSchema>;

export const serviceIndicatorValue = z.object({
  code: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Two decimals; null = not applicable (denominator 0). */
  value: z.number().nullable(),
});

const registerUnit = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const countsBy = z.record(z.string(), z.number().int());
/**
 * The registers at a glance: money for the scope (programme, group's or unit's subtree);
 * obstacles, recommendations and pilot models for the whole programme (null when drilled down).
 */
export const cockpitRegistersSchema = z.object({
  money: totalsSchema.nullable(),
  obstacles: z
    .object({
      total: z.number().int(),
      byStatus: countsBy,
      byCategory: countsBy,
      overdueCount: z.number().int(),
      overdue: z.array(
        z.object({
          id: z.number().int(),
          title: z.string(),
          owner: registerUnit,
          daysOverdue: z.number().int(),
        }),
      ),
    })
    .nullable(),
  recommendations: z
    .object({
      total: z.number().int(),
      byState: countsBy,
      /** Handling agencies with late answers (unanswered past due, or answered late), most first. */
      agencies: z.array(
        z.object({
          agency: registerUnit,
          total: z.number().int(),
          overdue: z.number().int(),
          late: z.number().int(),
        }),
      ),
    })
    .nullable(),
  pilots: z
    .object({ total: z.number().int(), byState: stateCounts, accelerate: z.number().int() })
    .nullable(),
  /** Each criteria set's latest period: units assessed and those meeting every criterion (scope-aware). */
  criteria: criteriaGlanceSchema,
  catalogue: z
    .object({
      total: z.number().int(),
      published: z.number().int(),
      notPublished: z.number().int(),
      deadline: z
        .object({ deadline: z.string(), overdue: z.boolean(), completedOn: z.string().nullable() })
        .nullable(),
    })
    .nullable(),
});
export type CockpitRegisters = z.infer<typeof cockpitRegistersSchema>;

export const cockpitServicesSchema = z.object({
  from: isoDate,
  to: isoDate,
  totals: z.array(serviceIndicatorValue),
  months: z.array(z.object({ month: z.string(), indicators: z.array(serviceIndicatorValue) })),
  /** The scope's child units ranked by their online application rate. */
  ranking: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      indicators: z.array(serviceIndicatorValue),
    }),
  ),
});
export type CockpitServices = z.infer<typeof cockpitServicesSchema>;

export const cockpitResponse = z.object({
  programmeId: z.number().int(),
  asOf: isoDate,
  scope: z.object({
    groupId: z.number().int().nullable(),
    unit: unitRef.nullable(),
    /** From the programme's root unit down to the scope's unit (for the breadcrumb). */
    path: z.array(unitRef),
  }),
  summary: summaryResponse,
  /** Counts by state at each week's end (the last point is "as of"). */
  trend: z.array(z.object({ date: isoDate, total: z.number().int(), byState: stateCounts })),
  /** The scope's child units (drill-down), with their tasks as lead. */
  units: z.array(
    z.object({
      unit: unitRef,
      childCount: z.number().int(),
      total: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      /** done ÷ total in percent; null with no task. */
      doneRate: z.number().nullable(),
    }),
  ),
  /** Overdue tasks of the scope, the most late first (when the scope is a unit or a group). */
  overdueTasks: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: z.string(),
      deadline: isoDate,
      daysOverdue: z.number().int(),
      leadUnit: z.string(),
    }),
  ),
  warningList: z
    .object({
      id: z.number().int(),
      period: z.string(),
      publishedAt: z.string(),
      unitCount: z.number().int(),
      units: z.array(
        z.object({
          unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
          reasons: z.array(warningReasonSchema),
          streak: z.number().int(),
        }),
      ),
    })
    .nullable(),
  reporting: z.array(
    z.object({
      period: z.string(),
      /** The report's due moment, and when the warning list is drawn (late reports count until then). */
      dueAt: z.string(),
      drawAt: z.string(),
      /** Not yet drawn: `received` is what is in so far, the rates are null until it closes. */
      open: z.boolean(),
      expected: z.number().int(),
      received: z.number().int(),
      onTime: z.number().int(),
      reportingRate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
    }),
  ),
  kpis: z.array(kpiTileSchema),
  services: cockpitServicesSchema.nullable(),
  registers: z.lazy(() => cockpitRegistersSchema),
});
export type Cockpit = z.infer<typeof cockpitResponse>;

export const cockpitExportQuery = cockpitQuery
  .extend({
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
    /** One tile (its own sheet or file); all tiles, one sheet each, when absent (XLSX only). */
    tile: z.enum(COCKPIT_TILES).optional(),
  })
  .strict();
