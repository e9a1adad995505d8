import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** A detail's path without the request part the validator names ("body.deadline" → "deadline"). */
const fieldPath = (p: string) => p.replace(/^(body|querystring|params)\./, '');

/**
 * Puts a refusal from the server under the fields it names (`details[].path`), and returns the
 * sentence to show above the form: the server's words, already in the reader's language.
 * `nested`: a path like "subtasks.1.deadline" goes to that very field of a Form.List row, not to
 * the list as a whole.
 */
export function showServerErrors(
  form: FormInstance,
  e: unknown,
  fields: readonly string[],
  o: { nested?: boolean } = {},
): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const own = e.details.filter((d) => fields.includes(fieldPath(d.path).split('.')[0]!));
  const nameOf = (p: string) =>
    o.nested
      ? fieldPath(p)
          .split('.')
          .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
      : fieldPath(p).split('.')[0]!;
  if (own.length) form.setFields(own.map((d) => ({ name: nameOf(d.path), errors: [d.message] })));
  const extra = e.details.filter((d) => !own.includes(d)).map((d) => d.message);
  return [e.message, ...(own.length ? own.map((d) => d.message) : []), ...extra]
    .filter((x, i, a) => a.indexOf(x) === i)
    .join(' ');
}
