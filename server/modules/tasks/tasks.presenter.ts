import { daysBetween } from '../../../shared/dates.js';
import type { Locale } from '../../../shared/schemas/common.js';
import type { TaskDetail, TaskListItem } from '../../../shared/schemas/tasks.js';
import { pickName } from '../../lib/localize.js';
import type { TaskListRow, TasksRepo } from './tasks.repo.js';

export function presentListItem(r: TaskListRow, asOf: string, locale: Locale): TaskListItem {
  return {
    id: r.id,
    programmeId: r.programme_id,
    code: r.code,
    title: r.title,
    kind: r.kind as TaskListItem['kind'],
    assignedLevel: r.assigned_level as TaskListItem['assignedLevel'],
    groupId: r.group_id,
    directiveId: r.directive_id,
    leadUnit: {
      id: r.lead_unit_id,
      code: r.lead_code,
      name: pickName(locale, r.lead_name_vi, r.lead_name_en, r.lead_name_ar),
    },
    deadline: r.deadline,
    deadlineAsOf: r.deadline_asof,
    progress: r.progress,
    priority: r.priority as TaskListItem['priority'],
    completedOn: r.completed_on,
    state: r.state,
    daysOverdue: r.state === 'overdue' ? daysBetween(r.deadline_asof, asOf) : null,
  };
}

/** Filled by tasks/recurrence.ts. */
export type RecurrenceFields = 'recurrence' | 'recurrenceDay' | 'series' | 'occurrencePeriod' | 'occurrences';

type Details = NonNullable<Awaited<ReturnType<TasksRepo['details']>>>;

export function presentDetail(
  row: TaskListRow,
  d: Details,
  asOf: string,
  locale: Locale,
  can: TaskDetail['can'],
): Omit<TaskDetail, 'blockedBy' | RecurrenceFields> {
  const t = d.task;
  return {
    ...presentListItem(row, asOf, locale),
    description: t.description,
    directive: d.directive
      ? { id: d.directive.id, number: d.directive.number, title: d.directive.title }
      : null,
    group: d.group
      ? {
          id: d.group.id,
          code: d.group.code,
          name: pickName(locale, d.group.nameVi, d.group.nameEn, d.group.nameAr),
        }
      : null,
    coordinatingUnits: d.coordinators.map((u) => ({
      id: u.id,
      code: u.code,
      name: pickName(locale, u.nameVi, u.nameEn, u.nameAr),
    })),
    responsiblePerson: t.responsiblePerson,
    startDate: t.startDate,
    originalDeadline: t.originalDeadline,
    cancelledOn: t.cancelledOn,
    replacedById: t.replacedById,
    deliverable: t.deliverable,
    targetText: t.targetText,
    targetValue: t.targetValue === null ? null : Number(t.targetValue),
    targetUnit: t.targetUnit,
    parent: d.parent ?? null,
    escalation: d.escalation
      ? { reminders: d.escalation.reminders, flaggedAt: d.escalation.flaggedAt?.toISOString() ?? null }
      : null,
    firstActivityOn: t.firstActivityOn,
    milestones: d.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    deadlineChanges: d.changes.map((c) => ({
      deadline: c.deadline,
      effectiveFrom: c.effectiveFrom,
      reason: c.reason,
    })),
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    history: d.history.map((h) => ({
      id: h.id,
      at: h.at.toISOString(),
      actor: h.actor,
      action: h.action,
      changes: h.changes,
    })),
    progressFromSubtasks: t.progressFromSubtasks,
    subtaskWeight: t.subtaskWeight,
    can,
  };
}
