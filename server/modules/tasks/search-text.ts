import { foldText } from '../../../shared/text-fold.js';

/** What the task list's text search matches: code, title and deliverable, folded (no accents, lower case). */
export const searchTextOf = (t: { code: string; title: string; deliverable: string | null }) =>
  foldText([t.code, t.title, t.deliverable ?? ''].join(' '));
