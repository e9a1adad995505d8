import { useMe } from '../api/queries';

const PROGRAMME_ROLES = new Set(['admin', 'steering', 'standing', 'inspector']);

/**
 * The reader's own unit when they see a programme only through a unit role (a ward's or a
 * commune's leader or officer): their screens then ask for and show what applies to that unit.
 * Null for programme-wide readers (admin, steering, standing agency, inspectors).
 */
export function useUnitReader(programmeId: number): { unitId: number } | null {
  const me = useMe().data;
  if (!me) return null;
  const wide = me.roles.some(
    (r) =>
      PROGRAMME_ROLES.has(r.role) &&
      (r.role === 'admin' || r.programmeId === null || r.programmeId === programmeId),
  );
  if (wide) return null;
  const unitId = me.roles.find((r) => r.unitId !== null)?.unitId ?? me.unitId;
  return unitId ? { unitId } : null;
}
