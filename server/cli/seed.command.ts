import type { Command } from 'commander';
import { todayIn } from '../lib/clock.js';
import { seedDemo } from '../seed/demo.js';
import { createSystemRepo } from '../modules/system/system.repo.js';
import { progress, withDatabase } from './context.js';

export function printAccounts(
  accounts: {
    email: string;
    password: string;
    role: string;
    unit: string | null;
    programme: string | null;
  }[],
) {
  console.error('\nDemo accounts:');
  for (const a of accounts)
    console.error(
      `  ${a.email.padEnd(40)} ${a.password.padEnd(12)} ${a.role.padEnd(13)} ${a.programme ?? ''} ${a.unit ?? ''}`,
    );
}

export function registerSeed(program: Command) {
  program
    .command('seed')
    .description('Load data into an empty database')
    .requiredOption(
      '--demo',
      'the demo programmes of Hanoi (Resolution 57) and Nghe An (Project 06), dated relative to today',
    )
    .option('--today <date>', 'date the demo as if today were this day (YYYY-MM-DD)')
    .option(
      '--records <n>',
      "Hanoi's service records, 1 Jul–12 Nov 2025 (1240000 as in the article; 0 = none)",
      (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 50_000_000)
          throw new Error('--records must be a whole number up to 50000000');
        return n;
      },
    )
    .action((opts: { today?: string; records?: number }) =>
      withDatabase(async ({ database, clock }) => {
        if (!(await createSystemRepo(database.db).isEmpty()))
          throw new Error('The database already has programmes; the demo is only loaded into an empty one.');
        const started = Date.now();
        const { accounts } = await seedDemo(database.db, {
          today: opts.today ?? todayIn(clock),
          records: opts.records,
          onProgress: progress,
        });
        console.error(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        printAccounts(accounts);
      }),
    );
}
