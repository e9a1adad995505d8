import { CRITERION_GROUPS, CRITERION_KINDS, DATASET_MARKS, ENTERED_AS, PLATFORMS } from '@shared/criteria';
import { EVALUATION_CRITERIA, GRADES } from '@shared/evaluation';
import { KR_STATUSES, VALUE_CADENCES } from '@shared/indicators';
import { FUNDING_SOURCES } from '@shared/money';
import {
  OBSTACLE_CATEGORIES,
  OBSTACLE_SEVERITIES,
  OBSTACLE_STATUSES,
  RECOMMENDATION_STATES,
} from '@shared/registers';
import { ADJUSTMENT_KINDS } from '@shared/schemas/adjustments';
import { BRIEF_SENDING_STATUSES } from '@shared/schemas/briefs';
import { DISCIPLINE_CELLS, REPORT_STATUSES } from '@shared/schemas/reports';
import { WARNING_REASON_CODES } from '@shared/schemas/warnings';
import { SERVICE_INDICATOR_CODES } from '@shared/service-indicators';
import {
  ASSIGNED_LEVELS,
  PRIORITIES,
  TASK_KINDS,
  TASK_SORTS,
  TASK_STATES,
  UNIT_KINDS,
} from '@shared/vocabulary';
import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en } from './en';
import { vi } from './vi';

/**
 * Every code of a closed list that a screen shows through `t(\`prefix.${code}\`)` has its text in
 * each language: a code added to a list without its words fails here, not on the public page.
 */
const TRANSLATED: [prefix: string, codes: readonly string[]][] = [
  ['state', TASK_STATES],
  ['stateShort', TASK_STATES],
  ['level', ASSIGNED_LEVELS],
  ['kind', TASK_KINDS],
  ['priority', PRIORITIES],
  ['tasks.sortOptions', TASK_SORTS],
  ['unitKind', UNIT_KINDS],
  ['cockpit.reason', WARNING_REASON_CODES],
  ['warnings.reason', WARNING_REASON_CODES],
  ['warnings.status', ['draft', 'published']],
  ['cockpit.status', KR_STATUSES],
  ['indicators.statusLabel', KR_STATUSES],
  ['indicators.cadenceLabel', VALUE_CADENCES],
  ['cockpit.service', SERVICE_INDICATOR_CODES.map((c) => c.replace('.', '_'))],
  ['records.codes', SERVICE_INDICATOR_CODES.map((c) => c.slice(8))],
  ['obstacles.category', OBSTACLE_CATEGORIES],
  ['obstacles.severity', OBSTACLE_SEVERITIES],
  ['obstacles.status', OBSTACLE_STATUSES],
  ['recommendations.state', RECOMMENDATION_STATES],
  ['requests.kind', ADJUSTMENT_KINDS],
  ['reportStatus', REPORT_STATUSES],
  ['discipline.cell', DISCIPLINE_CELLS],
  ['criteria.kind', CRITERION_KINDS],
  ['criteria.groups', CRITERION_GROUPS],
  ['criteria.as', ENTERED_AS],
  ['catalogue.platforms', PLATFORMS],
  ['catalogue.mark', DATASET_MARKS],
  ['money.sources', FUNDING_SOURCES],
  ['evaluation.grades', GRADES],
  ['evaluationMore.criteria', EVALUATION_CRITERIA],
  ['briefMail.statuses', BRIEF_SENDING_STATUSES],
  ['briefMail.triggers', ['schedule', 'manual']],
  ['requests.status', ['pending', 'approved', 'rejected', 'withdrawn', 'confirmed', 'returned']],
  ['registerScreens.plan.viaKind', ['manual', 'import', 'api']],
  ['money', ['pace', 'seasonal']],
  ['report', ['on_time', 'late', 'lead', 'coordinate']],
];

const lookup = (messages: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      messages,
    );

describe('every code a screen translates has its words in vi, en and ar', () => {
  for (const [lang, messages] of [
    ['vi', vi],
    ['en', en],
    ['ar', ar],
  ] as const)
    it(lang, () => {
      const missing = TRANSLATED.flatMap(([prefix, codes]) =>
        codes
          .map((c) => `${prefix}.${c}`)
          .filter((k) => typeof lookup(messages, k) !== 'string' || !lookup(messages, k)),
      );
      expect(missing).toEqual([]);
    });
});
