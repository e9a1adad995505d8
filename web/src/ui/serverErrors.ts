import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts a refusal from the server under the fields it names (`details[].path`), and returns the
 * sentence to show above the form: the server's words, already in the reader's language.
 */
export function showServerErrors(form: FormInstance, e: unknown, fields: readonly string[]): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const own = e.details.filter((d) => fields.includes(d.path.split('.')[0]!));
  if (own.length) form.setFields(own.map((d) => ({ name: d.path.split('.')[0]!, errors: [d.message] })));
  const extra = e.details.filter((d) => !own.includes(d)).map((d) => d.message);
  return [e.message, ...(own.length ? own.map((d) => d.message) : []), ...extra]
    .filter((x, i, a) => a.indexOf(x) === i)
    .join(' ');
}
