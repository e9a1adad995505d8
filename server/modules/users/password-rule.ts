import { AppError } from '../../lib/app-error.js';
import { message } from '../../lib/messages.js';
import { passwordProblems, type PasswordProblem } from '../../../shared/password-policy.js';
import type { Locale } from '../../../shared/schemas/common.js';

const KEY: Record<PasswordProblem, Parameters<typeof message>[0]> = {
  too_short: 'password_too_short',
  too_long: 'password_too_long',
  classes: 'password_classes',
  contains_email: 'password_contains_email',
  common: 'password_common',
};

/** Refuses a password the policy refuses, saying every reason in the reader's language. */
export function assertPasswordAcceptable(password: string, email: string, locale: Locale): void {
  const problems = passwordProblems(password, email);
  if (!problems.length) return;
  throw new AppError(
    'password_weak',
    { reasons: problems.map((p) => message(KEY[p], locale)).join('; '), problems },
    'password',
  );
}
