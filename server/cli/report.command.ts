import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { BRIEF_FORMATS, type BriefFormat } from '../../shared/schemas/briefs.js';
import { LOCALES, type Locale } from '../../shared/schemas/common.js';
import { createServices } from '../app.js';
import { systemActor } from '../modules/auth/actor.js';
import { withDatabase } from './context.js';

/** `steerboard report weekly --programme HN-NQ57 --period 2025-W46 --format docx --lang vi --out brief.docx` */
export function registerReport(program: Command) {
  program
    .command('report')
    .description('Documents for the steering committee')
    .command('weekly')
    .description(
      'Write the weekly brief of a period (archived as well), as the product does after publication',
    )
    .requiredOption('--programme <code>', 'programme code, e.g. HN-NQ57')
    .requiredOption('--period <key>', 'period, e.g. 2025-W46')
    .option('--format <format>', `one of ${BRIEF_FORMATS.join(', ')}`, 'docx')
    .option('--lang <lang>', `one of ${LOCALES.join(', ')}`, 'vi')
    .requiredOption('--out <file>', 'where to write the document')
    .action(
      async (opts: { programme: string; period: string; format: string; lang: string; out: string }) => {
        if (!BRIEF_FORMATS.includes(opts.format as BriefFormat))
          throw new Error(`--format must be one of ${BRIEF_FORMATS.join(', ')}`);
        if (!LOCALES.includes(opts.lang as Locale))
          throw new Error(`--lang must be one of ${LOCALES.join(', ')}`);
        await withDatabase(async ({ database, clock }) => {
          const s = createServices(database, clock, {});
          const p = (await s.programmes.all()).find((x) => x.code === opts.programme);
          if (!p) throw new Error(`No programme with code ${opts.programme}`);
          const actor = { ...systemActor, locale: opts.lang as Locale };
          process.stderr.write(`Gathering and writing the ${opts.period} brief of ${p.code}…\n`);
          const brief = await s.briefs.generate(actor, p.id, {
            period: opts.period,
            format: opts.format as BriefFormat,
            lang: opts.lang as Locale,
          });
          const file = await s.briefs.download(actor, brief.id);
          await writeFile(opts.out, file.content);
          console.log(
            `${opts.out}: ${brief.bytes} bytes, as of ${brief.asOf}, written in ${brief.tookMs} ms (archived #${brief.id})`,
          );
        });
      },
    );
}
