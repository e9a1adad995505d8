import { foldText } from '../../../../shared/text-fold.js';
import { cleanText, squash } from './text.js';

/** A unit of the programme's tree, as the matcher needs it. */
export type UnitEntry = {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  kind: string;
  depth: number;
};

export type UnitMatch = {
  /** The words as written in the document. */
  text: string;
  /** matched: one unit; set: a plural naming many ("UBND các xã, phường"); the rest are flagged. */
  status: 'matched' | 'set' | 'ambiguous' | 'unmatched' | 'vague';
  ids: number[];
  /** Units that look close, for the person to pick from (never chosen for them). */
  suggestions: number[];
};

/** The usual abbreviations of Vietnamese unit names, on folded text, longest first. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bvh\s*,?\s*tt\s*(?:&|va|-)\s*dl\b|\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\bld\s*-?\s*tb\s*(?:&|va)\s*xh\b|\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bnn\s*(?:&|va|-)\s*ptnt\b|\bnnptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bkh\s*(?:&|va|-)\s*cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\btt\s*(?:&|va|-)\s*tt\b|\btttt\b/g, 'thong tin va truyen thong'],
  [/\bnn\s*(?:&|va|-)\s*mt\b|\bnnmt\b/g, 'nong nghiep va moi truong'],
  [/\bkh\s*(?:&|va|-)\s*dt\b|\bkhdt\b/g, 'ke hoach va dau tu'],
  [/\bgd\s*(?:&|va|-)\s*dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\btn\s*(?:&|va|-)\s*mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bdt\s*(?:&|va|-)\s*tg\b/g, 'dan toc va ton giao'],
  [/\bvh\s*(?:&|va|-)\s*tt\b/g, 'van hoa va the thao'],
  [/\bpt\s*(?:&|va|-|–)\s*th\b/g, 'phat thanh va truyen hinh'],
  [/\bgtvt\b/g, 'giao thong van tai'],
  [/\bcntt\b/g, 'cong nghe thong tin'],
  [/\bubnd\b|\bub nd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubmttq(?:vn)?\b/g, 'uy ban mat tran to quoc viet nam'],
  [/\bbql\b/g, 'ban quan ly'],
  [/\bvp\b/g, 'van phong'],
  [/\btp\b\.?/g, 'thanh pho'],
  [/\bca\s+(?=tinh|thanh pho)/g, 'cong an '],
  [/&/g, ' va '],
];

/** Titles in front of a unit ("Giám đốc Sở …", "Chủ tịch UBND …") say who, not which unit. */
const TITLES =
  /^(?:(?:ong|ba|dong chi)\s+)?(?:giam doc|pho giam doc|chu tich|pho chu tich|thu truong|truong ban|truong|chanh van phong|chanh|lanh dao|nguoi dung dau)\s+(?:cac\s+)?/;

/**
 * The key a unit name is compared on: folded, abbreviations spelled out, the words for the
 * province level ("tỉnh", "Thành phố" and the place name after them) made one marker "@", and
 * the party committee of either ("Tỉnh ủy", "Thành ủy") another, so "Công an tỉnh" meets "Công an
 * Thành phố" and "Văn phòng UBND tỉnh" meets "Văn phòng UBND Thành phố".
 */
export function unitKey(name: string): string {
  let s = foldText(cleanText(name))
    .replace(/[“”"'().]/g, ' ')
    .replace(/\s*-\s*/g, ' - ');
  for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  s = squash(s).replace(TITLES, '');
  s = s
    .replace(/\b(?:tinh|thanh) uy\b/g, '@uy')
    .replace(/\b(?:tinh|thanh pho)\b/g, '@')
    .replace(/\s+-\s+/g, ' ');
  return squash(s.replace(/[,:;]+$/, ''));
}

const tokens = (k: string) => new Set(k.split(' ').filter((t) => t.length > 1 && t !== 'va' && t !== 'so'));
const dice = (a: Set<string>, b: Set<string>) => {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return (2 * n) / (a.size + b.size);
};

const COMMUNE_KINDS = new Set(['commune', 'ward', 'town', 'special_zone']);
const PROVINCE_KINDS = new Set(['province', 'city']);
const NOT_DEPARTMENTS = new Set([...COMMUNE_KINDS, ...PROVINCE_KINDS, 'district', 'party_office']);

/** Plurals that name a set of units. */
const SETS: { re: RegExp; pick: (u: UnitEntry, key: string) => boolean }[] = [
  {
    re: /^(?:uy ban nhan dan\s+)?(?:cac\s+)?(?:cap xa|xa, phuong|xa phuong|cac xa|xa, phuong, dac khu|phuong, xa|cac phuong)(?:\s*,?\s*(?:phuong|xa|thi tran|dac khu))*(?:\s+(?:tren dia ban|thuoc)(?:\s+@)?(?: [a-z]+){0,2})?$/,
    pick: (u, key) =>
      /cap xa|phuong/.test(key) && /cap xa|xa/.test(key)
        ? COMMUNE_KINDS.has(u.kind)
        : /phuong/.test(key)
          ? u.kind === 'ward'
          : u.kind === 'commune' || u.kind === 'special_zone',
  },
  {
    re: /^(?:uy ban nhan dan\s+)?(?:cac\s+)?(?:cap huyen|huyen|quan, huyen|cac huyen)(?:\s*,?\s*(?:thi xa|quan|huyen|@(?: [a-z]+){0,2}))*$/,
    pick: (u) => u.kind === 'district',
  },
  {
    re: /^(?:cac\s+)?(?:so, ban, nganh|so ban nganh|so, nganh|so nganh|co quan chuyen mon)(?:\s+(?:cap\s+)?@|\s+lien quan)?$/,
    pick: (u) => !NOT_DEPARTMENTS.has(u.kind),
  },
];

/** Words for "the agencies concerned": not a unit anyone can be assigned. */
const VAGUE =
  /^(?:cac\s+)?(?:co quan|don vi|dia phuong|to chuc|ca nhan)(?:\s*,\s*(?:co quan|don vi|dia phuong|to chuc|ca nhan))*(?:\s+(?:co\s+)?lien quan)?$/;

export type UnitIndex = {
  units: Map<number, UnitEntry>;
  /** The province's own name ("ha noi"): "Công an tỉnh Hà Nội" is "Công an tỉnh". */
  place: string | null;
  byKey: Map<string, number[]>;
  keys: { id: number; tokens: Set<string> }[];
};

export function buildUnitIndex(list: UnitEntry[]): UnitIndex {
  const byKey = new Map<string, number[]>();
  const add = (key: string, id: number) => {
    if (!key) return;
    const ids = byKey.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byKey.set(key, ids);
  };
  const keys: UnitIndex['keys'] = [];
  const root = list.find((u) => PROVINCE_KINDS.has(u.kind));
  const place = root ? (/^@ (.+)$/.exec(unitKey(root.nameVi))?.[1] ?? null) : null;
  for (const u of list) {
    const key = unitKey(u.nameVi);
    add(key, u.id);
    if (place) add(key.replace(` @ ${place}`, ' @'), u.id);
    add(foldText(u.code), u.id);
    if (PROVINCE_KINDS.has(u.kind)) {
      // The province itself answers to its People's Committee: "UBND tỉnh", "UBND Thành phố".
      add('@', u.id);
      add('uy ban nhan dan @', u.id);
    }
    if (COMMUNE_KINDS.has(u.kind)) add(`uy ban nhan dan ${key}`, u.id);
    keys.push({ id: u.id, tokens: tokens(key) });
  }
  return { units: new Map(list.map((u) => [u.id, u])), place, byKey, keys };
}

function suggest(index: UnitIndex, key: string): number[] {
  const t = tokens(key);
  return index.keys
    .map((k) => ({ id: k.id, score: dice(t, k.tokens) }))
    .filter((k) => k.score >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((k) => k.id);
}

/** Matches one unit phrase. Exact keys only: anything else is flagged with suggestions. */
export function matchUnit(index: UnitIndex, text: string, withSuggestions = true): UnitMatch {
  const written = squash(text);
  const key = unitKey(written);
  if (!key) return { text: written, status: 'unmatched', ids: [], suggestions: [] };
  const own = index.place ? key.replace(new RegExp(`@ ${index.place}$`), '@') : key;
  // "Sở Tài chính tỉnh" is the Sở Tài chính; "Trung tâm Phục vụ hành chính công" is the province's.
  const exact = [own, own.replace(/ @$/, ''), `${own} @`]
    .map((k) => index.byKey.get(k))
    .find((ids) => ids?.length);
  if (exact?.length === 1) return { text: written, status: 'matched', ids: exact, suggestions: [] };
  if (exact && exact.length > 1) return { text: written, status: 'ambiguous', ids: [], suggestions: exact };
  for (const set of SETS) {
    if (!set.re.test(key)) continue;
    const ids = [...index.units.values()].filter((u) => set.pick(u, key)).map((u) => u.id);
    return ids.length
      ? { text: written, status: 'set', ids, suggestions: [] }
      : { text: written, status: 'unmatched', ids: [], suggestions: [] };
  }
  if (VAGUE.test(key)) return { text: written, status: 'vague', ids: [], suggestions: [] };
  return {
    text: written,
    status: 'unmatched',
    ids: [],
    suggestions: withSuggestions ? suggest(index, key) : [],
  };
}

/** Words that begin the name of an organisation: where "và" starts a second unit. */
const ORG_START =
  /^(?:so|ban|bo|cong an|uy ban|ubnd|van phong|trung tam|cuc|chi cuc|dai|bao|hoi|lien|kho bac|ngan hang|bao hiem|vien|truong|benh vien|tong|thanh doan|tinh doan|doan|mat tran|cac|toa an|vien kiem sat|thanh tra|cong ty|tap doan|buu dien|vnpt|viettel)\b/;

/**
 * Splits a list of units as written ("Sở Tài chính, Sở Nội vụ và UBND các xã, phường") and matches
 * each: a plural with commas inside stays whole, "và" splits only before another unit's name,
 * and a list sharing its head ("các Sở: Tài chính, Nội vụ") gives the head to each.
 */
export function matchUnitList(index: UnitIndex, text: string): UnitMatch[] {
  const out: UnitMatch[] = [];
  let rest = squash(cleanText(text)).replace(/[.;]+$/, '');
  let head = '';
  const shared = /^(?:cac\s+)?(so|bo|ban)\s*:\s*/i.exec(foldText(rest));
  if (shared) {
    head =
      rest
        .slice(0, shared[0].length)
        .replace(/^các\s+/i, '')
        .replace(/\s*:\s*$/, '') + ' ';
    head = head.charAt(0).toUpperCase() + head.slice(1);
    rest = rest.slice(shared[0].length);
  }
  while (rest) {
    rest = rest.replace(/^(?:,|;|và(?=\s)|với(?=\s)|\s)+/i, '');
    if (!rest) break;
    const at = unitAtStart(index, rest);
    if (at) {
      out.push(at.match);
      rest = rest.slice(at.length);
      continue;
    }
    const cut = /[,;]/.exec(rest);
    let chunk = cut ? rest.slice(0, cut.index) : rest;
    const folded = foldText(chunk);
    const and = / va (?=\S)/.exec(folded);
    if (and && ORG_START.test(folded.slice(and.index + 4))) chunk = chunk.slice(0, and.index);
    rest = rest.slice(chunk.length);
    const plain = matchUnit(index, chunk);
    const headed =
      plain.status === 'unmatched' && head && !ORG_START.test(foldText(chunk.trim()))
        ? matchUnit(index, head + chunk)
        : plain;
    out.push(headed.status === 'matched' ? { ...headed, text: squash(chunk) } : plain);
  }
  return out.filter((m) => m.text);
}

/**
 * The unit whose name opens `text` (the longest one that matches), and how many characters it
 * takes: how running prose is read ("phối hợp Sở Nội vụ tham mưu …" → Sở Nội vụ).
 */
export function unitAtStart(index: UnitIndex, text: string): { match: UnitMatch; length: number } | null {
  const words = [...text.matchAll(/\S+/g)];
  for (let n = Math.min(words.length, 16); n >= 1; n--) {
    const last = words[n - 1];
    if (!last) continue;
    let end = last.index + last[0].length;
    // A unit's name never ends on a comma or a colon; the word itself may carry one.
    const piece = text.slice(0, end).replace(/[,;:.]+$/, '');
    end = piece.length;
    const m = matchUnit(index, piece, false);
    if (m.status === 'matched' || m.status === 'set' || m.status === 'ambiguous')
      return { match: m, length: end };
  }
  return null;
}
