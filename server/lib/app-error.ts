import type { ErrorCode } from '../../shared/errors.js';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unit_not_found: 422,
  unit_cycle: 422,
  parent_task_other_programme: 422,
  deadline_before_start: 422,
  programme_not_found: 404,
  group_not_in_programme: 422,
  directive_not_in_programme: 422,
  duplicate_code: 409,
  stale_version: 409,
  period_not_open: 422,
  period_closed: 422,
  task_not_in_report: 422,
  percent_below_last: 422,
  report_wrong_state: 409,
  stale_report: 409,
  warning_list_frozen: 409,
  reason_required: 422,
  period_not_due: 422,
  adjustment_pending: 409,
  adjustment_wrong_state: 409,
  completion_wrong_state: 409,
  task_closed: 409,
  file_too_large: 413,
  file_type_forbidden: 415,
  pdf_unavailable: 503,
  evaluation_frozen: 409,
  import_encoding: 422,
  import_columns: 422,
  import_format: 415,
  indicator_computed: 422,
  value_negative: 422,
  value_shape: 422,
  unit_not_reporter: 422,
  unit_out_of_scope: 403,
  target_wrong_side: 422,
  period_cadence: 422,
  payment_above_plan: 422,
  plan_below_disbursed: 422,
  payment_in_future: 422,
  payment_outside_year: 422,
  duplicate_payment: 409,
  plan_task_other_programme: 422,
  plan_needs_task_or_project: 422,
  import_header_mismatch: 422,
  import_rows_invalid: 422,
  import_file_invalid: 422,
  unit_outside_programme: 422,
  task_not_in_programme: 422,
  // criteria sets, assessments and the data catalogue
  criterion_not_in_set: 422,
  evidence_required: 422,
  unit_kind_not_in_set: 422,
  score_out_of_range: 422,
  value_missing: 422,
  // end criteria
  recommendation_answered: 409,
  resolution_required: 422,
  internal: 500,
};

/** The one error type of the product: a stable code, parameters for the translated message. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(code);
    this.status = STATUS[code];
  }
}
