import type { ParaBlock } from './blocks.js';
import { unitAtStart, type UnitIndex } from './match-units.js';
import type { RawDraft } from './raw-draft.js';
import { foldSameLength, squash } from './text.js';

/** "I.", "II." or an all-capitals line: a section heading, which tasks below it are grouped under. */
const HEADING = /^(?:[IVXLC]+\s*[./]\s+|(?:PHẦN|CHƯƠNG|MỤC)\s+[IVXLC\d]+)/;
/** Numbering of an item: "1.", "1.1", "1.1.", "a)", "-", "+", "•". */
const NUMBERING = /^(?:\d+(?:\.\d+)*\.?\)?|[a-zđ]\)|[-–+•*])\s+/;
/** "Về Thể chế số:" and the like at the head of an item: a topic, not the task. */
const TOPIC = /^(?:Về\s+[^:]{2,80}:\s*|[^:.;]{2,60}:\s+(?=\p{Lu}))/u;

/** Labels of the structured shape: an item, then "- Cơ quan chủ trì: …" lines. */
const LABELS: { re: RegExp; field: 'lead' | 'coord' | 'deadline' | 'deliverable' }[] = [
  { re: /(?:co quan|don vi)\s+chu tri\s*:/, field: 'lead' },
  { re: /(?:co quan|don vi)\s+phoi hop\s*:/, field: 'coord' },
  {
    re: /(?:thoi gian|thoi han|tien do|moc thoi gian)(?:\s+(?:hoan thanh|thuc hien|trinh))?\s*:/,
    field: 'deadline',
  },
  { re: /(?:san pham|ket qua(?:,? san pham)?|hinh thuc)(?:\s+dau ra)?\s*:/, field: 'deliverable' },
];

const isHeading = (t: string) => {
  if (HEADING.test(t)) return true;
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 6 && letters === letters.toUpperCase() && t.length < 200;
};

/** Splits a paragraph into sentences: at ". " or "; " before a capital or a numbering. */
function sentences(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /(?<=[.;])\s+(?=[\p{Lu}\d(-])/gu;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // "TP. Hà Nội", "Q. 1": an abbreviation's dot does not end a sentence.
    if (/\b(?:TP|Tp|Q|P|TT|Th|Mr|St|ThS|TS)\.$/.test(text.slice(0, m.index))) continue;
    out.push({ text: text.slice(last, m.index), at: last });
    last = m.index + m[0].length;
  }
  out.push({ text: text.slice(last), at: last });
  return out.filter((s) => s.text.trim());
}

/** Where the clause holding `at` begins: after the last ":", ";", "." or opening verb before it. */
function clauseStart(folded: string, at: number): number {
  const before = folded.slice(0, at);
  let start = 0;
  for (const m of before.matchAll(
    /[:;]\s*|\.\s+|,\s+(?:trong khi|con|dong thoi)\s+|\b(?:giao(?: cho)?|de nghi|yeu cau|do)\s+/g,
  ))
    start = m.index + m[0].length;
  return start;
}

/** Reads "phối hợp (với) A, B và C <title>": the units it names and where the title begins. */
function coordinators(index: UnitIndex, text: string): { coord: string; rest: string } {
  let rest = text.replace(/^\s*(?:với\s+)?(?:các\s+(?=Sở|sở))?/, '');
  const taken: string[] = [];
  for (;;) {
    const at = unitAtStart(index, rest);
    if (!at) break;
    taken.push(rest.slice(0, at.length));
    rest = rest.slice(at.length);
    const sep = /^\s*(?:,|;|và(?=\s)|cùng(?=\s))\s*/.exec(rest);
    if (!sep) break;
    const next = rest.slice(sep[0].length);
    if (!unitAtStart(index, next) && !/^(?:các|cơ quan|đơn vị)/i.test(next)) break;
    rest = next;
    if (/^(?:các\s+)?(?:cơ quan|đơn vị)[^,;.]*liên quan/i.test(rest)) {
      const m = /^(?:các\s+)?(?:cơ quan|đơn vị)[^,;.]*liên quan/i.exec(rest);
      taken.push(m?.[0] ?? '');
      rest = rest.slice(m?.[0].length ?? 0);
      break;
    }
  }
  if (taken.length) return { coord: taken.join(', '), rest };
  // No unit known: the words up to the verb that begins the title are flagged as written.
  const m =
    /^(.{2,120}?)(?=,|\s+(?:để|tổ chức|triển khai|hướng dẫn|xây dựng|tham mưu|thực hiện|rà soát|nghiên cứu|hoàn thiện|ban hành|đề xuất|kiểm tra|đôn đốc|cung cấp|bảo đảm|đảm bảo)\b)/.exec(
      rest,
    );
  return m ? { coord: m[1] ?? '', rest: rest.slice(m[0].length) } : { coord: '', rest };
}

const tidyTitle = (s: string) => {
  const t = squash(s.replace(/^[\s,;:–-]+/, '').replace(/[\s,;]+$/, ''));
  return t.charAt(0).toUpperCase() + t.slice(1);
};

/** One sentence read for a lead ("X chủ trì", "giao X", "X được giao", or a unit as its subject). */
function sentenceDraft(index: UnitIndex, text: string, item: boolean) {
  const folded = foldSameLength(text);
  const chuTri = /\bchu tri\b/.exec(folded);
  let lead = '';
  let after = '';
  if (chuTri && !/(?:co quan|don vi)\s+$/.test(folded.slice(0, chuTri.index))) {
    const start = clauseStart(folded, chuTri.index);
    lead = text.slice(start, chuTri.index).replace(/[\s,(]+$/, '');
    after = text.slice(chuTri.index + chuTri[0].length);
  } else {
    const given = /\b(?:duoc giao|co trach nhiem|chiu trach nhiem|duoc phan cong)\b/.exec(folded);
    const giao = /\bgiao(?: cho)?\s+/.exec(folded);
    if (given) {
      const start = clauseStart(folded, given.index);
      lead = text.slice(start, given.index).replace(/[\s,]+$/, '');
      after = text.slice(given.index + given[0].length);
    } else if (giao) {
      const rest = text.slice(giao.index + giao[0].length);
      const at = unitAtStart(index, rest);
      if (!at) return null;
      lead = rest.slice(0, at.length);
      after = rest.slice(at.length);
    } else if (item) {
      // A unit (or a list of them) as the subject: "Sở X triển khai …", "Cổng …, Đài …, Báo … duy trì …".
      const at = unitAtStart(index, text);
      if (!at || at.match.status === 'ambiguous') return null;
      const list = coordinators(index, text);
      const ofUnits = list.coord && text.startsWith(list.coord.split(', ')[0] ?? '');
      lead = ofUnits ? text.slice(0, text.length - list.rest.length) : text.slice(0, at.length);
      after = ofUnits ? list.rest : text.slice(at.length);
    } else return null;
  }
  if (!lead || lead.length > 200) return null;
  let coord = '';
  const ph = /^[\s,]*(?:và\s+)?phối hợp(?:\s+với)?/i.exec(after);
  if (ph) {
    const c = coordinators(index, after.slice(ph[0].length));
    coord = c.coord;
    after = c.rest;
  }
  const later = /\bphoi hop voi\s+|\bphoi hop\s+(?=cac|so|ubnd|cong an|ban|van phong)/.exec(
    foldSameLength(after),
  );
  if (!coord && later) {
    const c = coordinators(index, after.slice(later.index + later[0].length));
    coord = c.coord;
    after = after.slice(0, later.index) + c.rest;
  }
  return { lead, coord, title: tidyTitle(after) };
}

/**
 * Tasks from numbered prose: items ("1.", "1.1", "a)", "-") whose sentences name a lead after
 * "chủ trì", "giao", "được giao", or begin with a unit of the tree, coordinators after "phối
 * hợp"; and items followed by labelled lines ("Cơ quan chủ trì:", "Thời gian hoàn thành:").
 */
export function proseDrafts(paras: ParaBlock[], index: UnitIndex): RawDraft[] {
  const out: RawDraft[] = [];
  let group: string | null = null;
  /** The last item without a lead of its own: labelled lines below it complete it. */
  let pending: RawDraft | null = null;

  for (const p of paras) {
    const text = p.text;
    const folded = foldSameLength(text);
    const labels = LABELS.map((l) => ({ ...l, m: l.re.exec(folded) })).filter((l) => l.m);
    if (labels.length) {
      // "- Cơ quan chủ trì: Sở Nội vụ" (maybe several labels on one line, in any order).
      const starts = labels.map((l) => ({ field: l.field, at: l.m?.index ?? 0, len: l.m?.[0].length ?? 0 }));
      starts.sort((a, b) => a.at - b.at);
      const head = squash(text.slice(0, starts[0]?.at ?? 0).replace(NUMBERING, ''));
      let target: RawDraft | null = pending;
      if (head.length > 8 || !target) {
        // "Giao Sở A chủ trì việc X; thời gian: Quý IV/2025": the head names the lead itself.
        const own = sentenceDraft(index, head.replace(TOPIC, '').replace(/[;,.\s]+$/, ''), true);
        target = {
          title: own?.title || tidyTitle(head.replace(TOPIC, '')),
          leadText: own?.lead ?? null,
          coordText: own?.coord || null,
          deadlineText: null,
          deadlineInProse: false,
          deliverable: null,
          group,
          source: { kind: 'line', line: p.line, text },
        };
        out.push(target);
      } else if (!out.includes(target)) out.push(target);
      starts.forEach((s, i) => {
        const value = squash(text.slice(s.at + s.len, starts[i + 1]?.at ?? text.length)).replace(
          /[.;,]+$/,
          '',
        );
        if (!target) return;
        if (s.field === 'lead') target.leadText = value || null;
        if (s.field === 'coord') target.coordText = value || null;
        if (s.field === 'deadline') target.deadlineText = value || null;
        if (s.field === 'deliverable') target.deliverable = value || null;
      });
      if (target.source.text !== text)
        target.source = { ...target.source, text: `${target.source.text}\n${text}` };
      pending = target;
      continue;
    }
    if (isHeading(text) && !/\bchu tri\b/.test(folded)) {
      group = text;
      pending = null;
      continue;
    }
    const item = NUMBERING.test(text) || p.listLevel !== undefined;
    const body = text.replace(NUMBERING, '');
    const topicMatch = TOPIC.exec(body);
    const content = topicMatch ? body.slice(topicMatch[0].length) : body;
    let found = false;
    let previous: { lead: string; coord: string } | null = null;
    for (const s of sentences(content)) {
      let d = sentenceDraft(index, s.text, item);
      const before = previous as { lead: string; coord: string } | null;
      // "…; Tham mưu nâng cấp …": a clause after a semicolon with no subject keeps the one before.
      if (!d && before && /;\s*$/.test(content.slice(0, s.at)) && !unitAtStart(index, s.text))
        d = { lead: before.lead, coord: before.coord, title: tidyTitle(s.text) };
      previous = d ? { lead: d.lead, coord: d.coord } : null;
      if (!d) continue;
      found = true;
      out.push({
        title: d.title || tidyTitle(s.text),
        leadText: d.lead,
        coordText: d.coord || null,
        deadlineText: s.text,
        deadlineInProse: true,
        deliverable: null,
        group,
        source: { kind: 'line', line: p.line, text },
      });
    }
    pending = found
      ? null
      : item
        ? {
            title: tidyTitle(content.replace(/:$/, '')),
            leadText: null,
            coordText: null,
            deadlineText: null,
            deadlineInProse: false,
            deliverable: null,
            group,
            source: { kind: 'line', line: p.line, text },
          }
        : pending;
  }
  return out;
}
