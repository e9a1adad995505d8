import type { Programme } from '@shared/schemas/programmes';
import { useOutletContext } from 'react-router';

/** What the programme frame hands to its pages. */
export type ProgrammeContext = { programme: Programme; today: string | undefined };
export const useProgrammeContext = () => useOutletContext<ProgrammeContext>();
