import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createServices } from '../app.js';
import { systemActor } from '../modules/auth/actor.js';
import type { Locale } from '../../shared/schemas/common.js';
import { withDatabase } from './context.js';

/** `steerboard evaluate --programme HN-NQ57 --year 2025 [--format docx|xlsx --lang vi --out FILE]` */
export function registerEvaluate(program: Command) {
  program
    .command('evaluate')
    .description("Score, grade and rank a programme's units for a year from the record (as the web shows it)")
    .requiredOption('--programme <code>', 'programme code, e.g. HN-NQ57')
    .requiredOption('--year <year>', 'year, e.g. 2025')
    .option('--out <file>', 'also write the evaluation to this file')
    .option('--format <format>', 'docx or xlsx (default: from the file name, else xlsx)')
    .option('--lang <lang>', 'vi, en or ar', 'vi')
    .action(
      async (opts: { programme: string; year: string; out?: string; format?: string; lang: string }) => {
        const year = Number(opts.year);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new Error('--year must be a year, e.g. 2025');
        const format = opts.format ?? (opts.out?.toLowerCase().endsWith('.docx') ? 'docx' : 'xlsx');
        if (format !== 'docx' && format !== 'xlsx') throw new Error('--format must be docx or xlsx');
        if (!['vi', 'en', 'ar'].includes(opts.lang)) throw new Error('--lang must be vi, en or ar');
        const locale = opts.lang as Locale;
        await withDatabase(async ({ database, clock }) => {
          const s = createServices(database, clock, {});
          const p = (await s.programmes.all()).find((x) => x.code === opts.programme);
          if (!p) throw new Error(`No programme with code ${opts.programme}`);
          const actor = { ...systemActor, locale };
          const e = await s.evaluations.get(actor, p.id, year);
          console.log(`${p.code} ${year} (${e.status}, as of ${e.asOf}): ${e.units.length} units`);
          console.log(
            Object.entries(e.gradeCounts)
              .map(([g, n]) => `${g} ${n}`)
              .join(' · '),
          );
          for (const u of e.units.slice(0, 20))
            console.log(
              `${String(u.rank ?? '-').padStart(4)}  ${(u.score ?? 0).toFixed(2).padStart(6)}  ${(u.grade ?? '-').padEnd(13)}${u.capped ? '*' : ' '} ${u.unit.code}  ${u.unit.name}`,
            );
          if (e.units.length > 20) console.log(`  … ${e.units.length - 20} more`);
          if (opts.out) {
            const f = await s.evaluations.exportFile(actor, p.id, year, format);
            await writeFile(opts.out, f.content);
            console.log(`written to ${opts.out} (${format.toUpperCase()}, ${f.content.length} bytes)`);
          }
        });
      },
    );
}
