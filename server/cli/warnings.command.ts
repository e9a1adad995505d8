import type { Command } from 'commander';
import { createServices } from '../app.js';
import { createMailer } from '../lib/mailer.js';
import { withDatabase } from './context.js';

/** `steerboard warnings compute --period 2025-W46 [--programme HN-R57]` and `steerboard jobs run`. */
export function registerWarnings(program: Command) {
  program
    .command('warnings')
    .description('Warning lists')
    .command('compute')
    .description('Draw (or redraw, while a draft) the warning list of a period, as the scheduler does')
    .requiredOption('--period <key>', 'period, e.g. 2025-W46')
    .option('--programme <code>', 'programme code (all programmes with that cadence by default)')
    .action(async (opts: { period: string; programme?: string }) => {
      await withDatabase(async ({ database, clock, config }) => {
        const s = createServices(database, clock, {
          mailer: createMailer(config.smtpUrl, config.mailFrom),
          publicUrl: config.publicUrl,
        });
        const all = await s.programmes.all();
        const chosen = opts.programme ? all.filter((p) => p.code === opts.programme) : all;
        if (!chosen.length) throw new Error(`No programme with code ${opts.programme}`);
        for (const p of chosen) {
          const access = await s.programmes.system(p.id);
          if (!opts.programme && !periodFits(opts.period, access.dueRule.cadence)) continue;
          const { id, units } = await s.warnings.computeAsSystem(p.id, opts.period);
          console.log(
            id
              ? `${p.code} ${opts.period}: ${units} units on the draft list (#${id})`
              : `${p.code} ${opts.period}: already published, left as it is`,
          );
        }
      });
    });

  program
    .command('jobs')
    .description('Scheduled jobs')
    .command('run')
    .description('Run what is due now (warning lists, reminders) once, then exit')
    .action(async () => {
      await withDatabase(async ({ database, clock, config }) => {
        const s = createServices(database, clock, {
          mailer: createMailer(config.smtpUrl, config.mailFrom),
          publicUrl: config.publicUrl,
        });
        const ran = await s.scheduler.tick();
        for (const r of ran) console.log(`${r.job} ${r.key}: ${r.status} ${JSON.stringify(r.detail)}`);
        if (!ran.length) console.log('Nothing due.');
      });
    });
}

const periodFits = (key: string, cadence: string) =>
  cadence === 'weekly'
    ? key.includes('-W')
    : cadence === 'quarterly'
      ? key.includes('-Q')
      : /^\d{4}-\d{2}$/.test(key);
