/**
 * Folds text for search that ignores Vietnamese diacritics and case: "Hà Nội" → "ha noi".
 * đ/Đ is a letter of its own (not a combining mark), so it is mapped by hand.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
