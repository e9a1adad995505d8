import { foldText } from '../../shared/text-fold.js';

/**
 * Arabic names for the demo's wards and communes (decision 41): the Arabic kind word and the
 * place's name written in Arabic letters, syllable by syllable, the way the well-known ones are
 * written (Hoàn Kiếm → هوان كيم, Sóc Sơn → سوك سون, Đông Anh → دونغ آنه). A real deployment
 * imports the names its translators chose; this only keeps the demo from showing Latin letters.
 */
const ONSETS: [string, string][] = [
  ['ngh', 'نغ'],
  ['ng', 'نغ'],
  ['nh', 'نه'],
  ['ch', 'تش'],
  ['gh', 'غ'],
  ['gi', 'ج'],
  ['kh', 'خ'],
  ['ph', 'ف'],
  ['qu', 'كو'],
  ['th', 'ث'],
  ['tr', 'تش'],
  ['b', 'ب'],
  ['c', 'ك'],
  ['d', 'د'],
  ['g', 'غ'],
  ['h', 'ه'],
  ['k', 'ك'],
  ['l', 'ل'],
  ['m', 'م'],
  ['n', 'ن'],
  ['p', 'ب'],
  ['r', 'ر'],
  ['s', 'س'],
  ['t', 'ت'],
  ['v', 'ف'],
  ['x', 'س'],
];
const CODAS: [string, string][] = [
  ['ng', 'نغ'],
  ['nh', 'نه'],
  ['ch', 'ك'],
  ['c', 'ك'],
  ['m', 'م'],
  ['n', 'ن'],
  ['p', 'ب'],
  ['t', 'ت'],
];
/** Vowel groups, longest first. */
const NUCLEI: [string, string][] = [
  ['uye', 'ويا'],
  ['oai', 'واي'],
  ['oay', 'واي'],
  ['uoi', 'وي'],
  ['ieu', 'يو'],
  ['yeu', 'يو'],
  ['oa', 'وا'],
  ['oe', 'وي'],
  ['ua', 'وا'],
  ['uy', 'وي'],
  ['uo', 'و'],
  ['ue', 'وي'],
  ['ie', 'يا'],
  ['ye', 'يا'],
  ['ia', 'يا'],
  ['ai', 'اي'],
  ['ay', 'اي'],
  ['ao', 'او'],
  ['au', 'او'],
  ['oi', 'وي'],
  ['ui', 'وي'],
  ['eo', 'يو'],
  ['eu', 'يو'],
  ['iu', 'يو'],
  ['uu', 'و'],
  ['a', 'ا'],
  ['e', 'ي'],
  ['i', 'ي'],
  ['y', 'ي'],
  ['o', 'و'],
  ['u', 'و'],
];
/** A vowel that opens a word takes a carrier. */
const INITIAL: Record<string, string> = { ا: 'آ', و: 'أو', ي: 'إي' };

const take = (s: string, table: [string, string][]) => table.find(([k]) => s.startsWith(k));

function syllable(latin: string): string {
  let rest = latin;
  let out = '';
  const onset = take(rest, ONSETS);
  // "gi" before a consonant is g + i (rare in place names); before a vowel it is one sound.
  if (onset && !(onset[0] === 'gi' && !/[aeiouy]/.test(rest[2] ?? ''))) {
    out += onset[1];
    rest = rest.slice(onset[0].length);
  }
  const nucleus = take(rest, NUCLEI);
  if (nucleus) {
    const v = nucleus[1];
    // qu + o/u: the و is already written.
    out += out
      ? out.endsWith('و') && v.startsWith('و')
        ? v.slice(1)
        : v
      : (INITIAL[v[0]!] ?? '') + v.slice(1);
    rest = rest.slice(nucleus[0].length);
  }
  const coda = take(rest, CODAS);
  if (coda) {
    out += coda[1];
    rest = rest.slice(coda[0].length);
  }
  return out + rest;
}

/** "Mỹ Đức" → "مي دوك". */
export function arabicLetters(vietnamese: string): string {
  return foldText(vietnamese)
    .split(' ')
    .map((w) => (w === '-' ? '-' : syllable(w)))
    .join(' ');
}

const KIND_WORD = { ward: 'حي', commune: 'بلدية', district: 'قضاء', town: 'بلدة' } as const;

export const arabicUnitName = (kind: keyof typeof KIND_WORD, place: string) =>
  `${KIND_WORD[kind]} ${arabicLetters(place)}`;
