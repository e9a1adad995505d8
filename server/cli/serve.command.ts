import type { Command } from 'commander';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open.js';
import { createMailer } from '../lib/mailer.js';
import { configuredClock, todayIn } from '../lib/clock.js';
import { createSystemRepo } from '../modules/system/system.repo.js';
import { seedDemo } from '../seed/demo.js';
import { progress } from './context.js';
import { printAccounts } from './seed.command.js';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('Start the web server (migrates the database first)')
    .option('--seed-demo-if-empty', 'load the demo data when the database has no programme yet')
    .option('--port <port>', 'port (or PORT)', (v) => Number(v))
    .action(async (opts: { seedDemoIfEmpty?: boolean; port?: number }) => {
      const config = loadConfig();
      const clock = configuredClock(config);
      const database = await openConfiguredDatabase(config, (m) => console.error(m));
      if (opts.seedDemoIfEmpty && (await createSystemRepo(database.db).isEmpty())) {
        console.error('Empty database: loading the demo data…');
        const { accounts } = await seedDemo(database.db, { today: todayIn(clock), onProgress: progress });
        printAccounts(accounts);
      }
      const app = await buildApp({
        database,
        clock,
        logLevel: config.logLevel,
        sessionDays: config.sessionDays,
        cookieSecure: config.cookieSecure,
        mailer: createMailer(config.smtpUrl, config.mailFrom),
        publicUrl: config.publicUrl,
        scheduler: config.scheduler,
        filesDir: config.filesDir,
        uploadMaxMb: config.uploadMaxMb,
      });
      const shutdown = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port: opts.port ?? config.port, host: config.host });
      console.error(
        `Steerboard is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${opts.port ?? config.port}/`,
      );
    });
}
