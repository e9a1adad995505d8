/**
 * The closed lists of the domain, free of any library so the web client can import them without
 * pulling in zod. The schemas in shared/schemas build their enums from these.
 */
export { TASK_STATES, type TaskState } from './task-state.js';

export const ASSIGNED_LEVELS = [
  'central',
  'ministry',
  'province',
  'city',
  'department',
  'district',
  'commune',
] as const;
export type AssignedLevel = (typeof ASSIGNED_LEVELS)[number];

export const TASK_KINDS = ['task', 'pilot'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const TASK_SORTS = [
  'deadline',
  '-deadline',
  'code',
  '-code',
  'progress',
  '-progress',
  'title',
  '-title',
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const UNIT_KINDS = [
  'central_agency',
  'ministry',
  'province',
  'city',
  'party_office',
  'department',
  'police',
  'treasury',
  'district',
  'commune',
  'ward',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = [
  'admin',
  'steering',
  'standing',
  'unit_leader',
  'unit_officer',
  'inspector',
  'public',
] as const;

/** What a notification is about (in the app and by e-mail; users choose the e-mails per kind). */
export const NOTIFICATION_KINDS = [
  'report_due',
  'report_missing',
  'report_returned',
  'task_due',
  'task_overdue',
  'task_escalated',
  'warning_published',
  'adjustment_requested',
  'adjustment_decided',
  'completion_requested',
  'completion_decided',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The cockpit's tiles: each one's numbers can be downloaded (XLSX sheet or CSV file). */
export const COCKPIT_TILES = [
  'states',
  'trend',
  'overdue_units',
  'overdue_groups',
  'units',
  'overdue_tasks',
  'warning_list',
  'reporting',
  'kpis',
  'services',
  'money',
  'obstacles',
  'recommendations',
  'pilots',
  'criteria',
  'catalogue',
] as const;
export type CockpitTile = (typeof COCKPIT_TILES)[number];

/** Kinds of directive documents (văn bản chỉ đạo): Nghị quyết, Chỉ thị, Quyết định, Kế hoạch, Kết luận, Công văn… */
export const DIRECTIVE_KINDS = [
  'resolution',
  'directive',
  'decision',
  'plan',
  'conclusion',
  'official_letter',
  'programme',
  'notice',
  'other',
] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];
