/**
 * Text helpers of the drafting: one folding that keeps every character's position (so a match
 * in the folded text points at the same span of the original), and the cleaning of raw text.
 */

/** NFC, non-breaking and odd spaces made plain, soft hyphens and zero-width marks removed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, (c) => (c === '\u2013' || c === '\u2014' ? '–' : '-'));
}

/**
 * Lower case without diacritics, one character for one character ("Sở KH&CN" → "so kh&cn"), so
 * that indexes found in the folded text are indexes of the original (after `cleanText`).
 */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === 'đ' || ch === 'Đ') {
      out += 'd';
      continue;
    }
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const lower = base.toLowerCase();
    // A character whose folding is not one UTF-16 unit keeps its place with a stand-in.
    out += lower.length === ch.length ? lower : ch.length === 1 ? '\u0000' : '\u0000\u0000';
  }
  return out;
}

/** Collapses runs of white space and trims. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
