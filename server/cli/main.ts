import { Command } from 'commander';
import { registerImport } from './import.command.js';
import { registerMigrate } from './migrate.command.js';
import { registerSeed } from './seed.command.js';
import { registerServe } from './serve.command.js';
import { registerUser } from './user.command.js';
import { registerWarnings } from './warnings.command.js';
import { registerReport } from './report.command.js';
import { registerEvaluate } from './evaluate.command.js';

const program = new Command('steerboard')
  .description('Steerboard: tasks, weekly reports and warning lists for steering committees')
  .showHelpAfterError();

registerServe(program);
registerMigrate(program);
registerSeed(program);
registerUser(program);
registerWarnings(program);
registerReport(program);
registerEvaluate(program);
registerImport(program);

await program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  // Database errors come wrapped: the cause says what went wrong.
  const cause = err instanceof Error ? (err.cause as Error | undefined) : undefined;
  if (cause?.message) console.error(`Cause: ${cause.message}`);
  process.exit(1);
});
