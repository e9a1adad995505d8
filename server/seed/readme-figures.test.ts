import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../shared/schemas/tasks.js';
import { testApp, type Caller, type TestApp } from '../test/harness.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

/**
 * README quotes the demo's figures and accounts; they are read from README itself (so editing one
 * without the other fails) and checked against the seeded demo, through the API, as its accounts
 * see them.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const paragraph = readme.slice(readme.indexOf('The demo is dated relative to today'));
const WORDS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, two: 2, three: 3 };
const num = (s: string) => WORDS[s] ?? Number(s);
function grab(re: RegExp): number[] {
  const m = re.exec(paragraph);
  if (!m) throw new Error(`README no longer says ${re}`);
  return m.slice(1).map(num);
}

const ROLE: Record<string, string> = {
  admin: 'admin',
  'steering member': 'steering',
  'standing agency': 'standing',
  inspector: 'inspector',
  'unit leader': 'unit_leader',
  'unit officer': 'unit_officer',
};
const accounts = [...readme.matchAll(/^\|\s*([\w.]+@[\w.]+)\s*\|\s*([^|]+?)\s*\|/gm)].map((m) => ({
  email: m[1]!,
  role: ROLE[Object.keys(ROLE).find((k) => m[2]!.startsWith(k))!],
}));
const password = /password \*\*`([^`]+)`\*\*/.exec(readme)?.[1];

describe('README’s demo figures are the seeded demo’s', () => {
  let t: TestApp;
  const as: Record<string, Caller> = {};
  const summary = async (who: string, code: string, kind?: 'task' | 'pilot') => {
    const programmes = (await as[who]!({ method: 'GET', url: '/api/v1/programmes' })).json() as {
      id: number;
      code: string;
    }[];
    const id = programmes.find((p) => p.code === code)!.id;
    const r = await as[who]!({
      method: 'GET',
      url: `/api/v1/tasks/summary?programmeId=${id}${kind ? `&kind=${kind}` : ''}`,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Summary;
  };

  beforeAll(async () => {
    t = await testApp({ today: '2026-12-04' });
    await seedDemo(t.database.db, { today: '2026-12-04', records: 0 });
    for (const a of accounts) as[a.email] = await t.login(a.email, password);
  });
  afterAll(() => t?.close());

  it('the accounts of the table exist with the role it gives and the password it prints', async () => {
    expect(password).toBe(DEMO_PASSWORD);
    expect(accounts).toHaveLength(9);
    for (const a of accounts) {
      const me = (await as[a.email]!({ method: 'GET', url: '/api/v1/auth/me' })).json() as {
        roles: { role: string }[];
      };
      expect(
        me.roles.map((r) => r.role),
        a.email,
      ).toContain(a.role);
    }
  });

  it('Hanoi: the central tasks, more than half done, and the overdue ones by level', async () => {
    const [central] = grab(/in Hanoi (\d+)\s+tasks assigned by the central level \(more than half done\)/);
    const [overdue, ofCentral, ofCity] = grab(/exactly (\d+) overdue \((\d+) central, (\d+)\s+city\)/);
    const s = await summary('chair@hanoi.steerboard.vn', 'HN-NQ57');
    const c = s.byLevel.find((l) => l.level === 'central')!;
    expect(c.total).toBe(central);
    expect(c.byState.done_on_time + c.byState.done_late).toBeGreaterThan(central! / 2);
    expect(s.byState.overdue).toBe(overdue);
    expect(c.byState.overdue).toBe(ofCentral);
    expect(s.byLevel.find((l) => l.level === 'city')!.byState.overdue).toBe(ofCity);
  });

  it('Nghe An: its tasks plus its pilot models are the items its accounts see', async () => {
    const [tasks, pilots, done, inProgress, notStarted, seen] = grab(
      /in Nghe An (\d+) tasks plus (\d+) pilot models \((\d+) done, (\d+) in progress, (\d+) not started\), so its\s+accounts see (\d+) items/,
    );
    expect(tasks! + pilots!).toBe(seen);
    for (const who of ['steering@nghean.steerboard.vn', 'standing@nghean.steerboard.vn']) {
      expect((await summary(who, 'NA-DA06-2024')).total).toBe(seen);
      expect((await summary(who, 'NA-DA06-2024', 'task')).total).toBe(tasks);
      const p = await summary(who, 'NA-DA06-2024', 'pilot');
      expect(p.total).toBe(pilots);
      expect(p.byState.done_on_time + p.byState.done_late).toBe(done);
      expect(p.byState.in_progress).toBe(inProgress);
      expect(p.byState.not_started).toBe(notStarted);
    }
  });

  it('Hanoi: the weeks of warning lists, all published but the latest, a draft', async () => {
    const [weeks] = grab(/Hanoi\s+also has (\w+) weeks of reports/);
    const programmes = (
      await as['standing@hanoi.steerboard.vn']!({ method: 'GET', url: '/api/v1/programmes' })
    ).json() as {
      id: number;
      code: string;
    }[];
    const id = programmes.find((p) => p.code === 'HN-NQ57')!.id;
    const lists = (
      await as['standing@hanoi.steerboard.vn']!({
        method: 'GET',
        url: `/api/v1/warning-lists?programmeId=${id}`,
      })
    ).json() as { status: string }[];
    expect(lists).toHaveLength(weeks!);
    expect(lists[0]!.status).toBe('draft');
    expect(lists.slice(1).every((l) => l.status === 'published')).toBe(true);
  });
});
