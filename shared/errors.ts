/** Stable error codes: clients and tests depend on them, messages are translated per locale. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unit_not_found',
  'unit_cycle',
  'parent_task_other_programme',
  'deadline_before_start',
  'programme_not_found',
  'group_not_in_programme',
  'directive_not_in_programme',
  'duplicate_code',
  'stale_version',
  'period_not_open',
  'period_closed',
  'task_not_in_report',
  'percent_below_last',
  'report_wrong_state',
  'stale_report',
  'warning_list_frozen',
  'reason_required',
  'period_not_due',
  'adjustment_pending',
  'adjustment_wrong_state',
  'completion_wrong_state',
  'task_closed',
  'file_too_large',
  'file_type_forbidden',
  'pdf_unavailable',
  'evaluation_frozen',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ApiErrorBody = {
  error: { code: ErrorCode; message: string; details?: { path: string; message: string }[] };
};
