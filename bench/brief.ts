/**
 * Times the weekly brief of a programme on the configured database (PGlite by default): the first
 * generation of the process (cold: modules, fonts, the engine's caches), then warm repeats, per
 * format. `npx tsx bench/brief.ts --programme HN-NQ57 --period 2025-W46 [--repeat 3] [--lang vi]`
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { BriefFormat } from '../shared/schemas/briefs.js';
import type { Locale } from '../shared/schemas/common.js';
import { createServices } from '../server/app.js';
import { withDatabase } from '../server/cli/context.js';
import { systemActor } from '../server/modules/auth/actor.js';
import { libreOffice } from '../server/modules/briefs/brief.pdf.js';
import { collectBrief } from '../server/modules/briefs/brief.data.js';

const { values: o } = parseArgs({
  options: {
    programme: { type: 'string', default: 'HN-NQ57' },
    period: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    lang: { type: 'string', default: 'vi' },
  },
});

await withDatabase(async ({ database, clock }) => {
  const s = createServices(database, clock, {});
  const p = (await s.programmes.all()).find((x) => x.code === o.programme);
  if (!p) throw new Error(`No programme ${o.programme}`);
  const lists = await s.warnings.summaries(systemActor, p.id);
  const period = o.period ?? lists.find((l) => l.status === 'published')?.period ?? lists[0]?.period;
  if (!period) throw new Error('No period with a warning list: pass --period');
  const actor = { ...systemActor, locale: o.lang as Locale };
  const deps = { ...s, clock };
  const formats: BriefFormat[] = (await libreOffice()) ? ['docx', 'xlsx', 'pdf'] : ['docx', 'xlsx'];
  const rows: string[] = [];
  const time = async (label: string, f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    const ms = Math.round(performance.now() - t0);
    rows.push(`${label.padEnd(34)} ${String(ms).padStart(6)} ms`);
    return ms;
  };
  await time('gather only (cold)', () => collectBrief(deps, actor, p.id, period));
  for (const format of formats) {
    await time(`${format} first`, () =>
      s.briefs.generate(actor, p.id, { period, format, lang: actor.locale }),
    );
    for (let i = 1; i <= Number(o.repeat); i++)
      await time(`${format} warm #${i}`, () =>
        s.briefs.generate(actor, p.id, { period, format, lang: actor.locale }),
      );
  }
  await time('gather only (warm)', () => collectBrief(deps, actor, p.id, period));
  console.log(`${p.code} ${period} (${o.lang}), PGlite: ${process.env.DATABASE_URL ? 'no' : 'yes'}`);
  for (const r of rows) console.log(r);
});
