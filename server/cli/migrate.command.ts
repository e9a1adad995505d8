import type { Command } from 'commander';
import { withDatabase } from './context.js';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('Apply the database migrations (also done at every start of serve)')
    .action(() => withDatabase(async () => console.error('Migrations applied.')));
}
