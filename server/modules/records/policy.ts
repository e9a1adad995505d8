import type { Actor } from '../auth/actor.js';

/** Unit subtrees (tree paths) an actor works in for service records, or every unit. */
export type RecordScope = { kind: 'all' } | { kind: 'paths'; paths: string[] };

const UNIT_ROLES = new Set(['unit_leader', 'unit_officer']);

/** Root paths of the programmes a role covers (null programme = every programme). */
function programmePaths(roots: Map<number, string | null>, programmeId: number | null): string[] {
  if (programmeId === null) return [...roots.values()].filter((p): p is string => p !== null);
  const p = roots.get(programmeId);
  return p ? [p] : [];
}

/**
 * Who may import: admins anything; a programme's standing agency the units of that programme's
 * tree; unit leaders and officers their own subtree. Steering members and inspectors read only.
 */
export function recordWriteScope(a: Actor, roots: Map<number, string | null>): RecordScope {
  if (a.roles.some((r) => r.role === 'admin')) return { kind: 'all' };
  const paths = a.roles.flatMap((r) =>
    r.role === 'standing'
      ? programmePaths(roots, r.programmeId)
      : UNIT_ROLES.has(r.role) && r.unitPath
        ? [r.unitPath]
        : [],
  );
  return { kind: 'paths', paths };
}

/** Who may read the indicators: writers, plus the steering body and inspectors of the programme's tree. */
export function recordReadScope(a: Actor, roots: Map<number, string | null>): RecordScope {
  const w = recordWriteScope(a, roots);
  if (w.kind === 'all') return w;
  const more = a.roles.flatMap((r) =>
    r.role === 'steering' || r.role === 'inspector' ? programmePaths(roots, r.programmeId) : [],
  );
  return { kind: 'paths', paths: [...w.paths, ...more] };
}

export const inRecordScope = (s: RecordScope, path: string) =>
  s.kind === 'all' || s.paths.some((p) => path.startsWith(p));
export const mayImport = (s: RecordScope) => s.kind === 'all' || s.paths.length > 0;
