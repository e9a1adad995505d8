import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createServices } from '../app.js';
import { systemActor } from '../modules/auth/actor.js';
import { evaluationXlsx } from '../modules/evaluations/evaluation.xlsx.js';
import { withDatabase } from './context.js';

/** `steerboard evaluate --programme HN-NQ57 --year 2025 [--out evaluation.xlsx]` */
export function registerEvaluate(program: Command) {
  program
    .command('evaluate')
    .description("Score, grade and rank a programme's units for a year from the record (as the web shows it)")
    .requiredOption('--programme <code>', 'programme code, e.g. HN-NQ57')
    .requiredOption('--year <year>', 'year, e.g. 2025')
    .option('--out <file>', 'also write the evaluation as XLSX')
    .action(async (opts: { programme: string; year: string; out?: string }) => {
      const year = Number(opts.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new Error('--year must be a year, e.g. 2025');
      await withDatabase(async ({ database, clock }) => {
        const s = createServices(database, clock, {});
        const p = (await s.programmes.all()).find((x) => x.code === opts.programme);
        if (!p) throw new Error(`No programme with code ${opts.programme}`);
        const e = await s.evaluations.get(systemActor, p.id, year);
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
          await writeFile(opts.out, await evaluationXlsx(e, 'vi'));
          console.log(`written to ${opts.out}`);
        }
      });
    });
}
