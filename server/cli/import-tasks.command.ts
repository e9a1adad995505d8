import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../shared/schemas/records.js';
import { systemActor } from '../modules/auth/actor.js';
import { createProgrammesRepo } from '../modules/programmes/programmes.repo.js';
import { createProgrammesService } from '../modules/programmes/programmes.service.js';
import { createTaskImport } from '../modules/tasks/import/import-tasks.js';
import { formatOf } from '../modules/tasks/import/read-sheet.js';
import { withDatabase } from './context.js';

/** `steerboard import tasks FILE --programme CODE`: the web's import, confirmed by running it. */
export function registerImportTasks(imp: Command) {
  imp
    .command('tasks')
    .description('Import tasks from an XLSX or CSV file (an existing code updates its task)')
    .argument('<file>', 'the file to import')
    .requiredOption('--programme <code>', 'the programme the tasks belong to')
    .option('--encoding <encoding>', `a CSV's encoding: one of ${IMPORT_ENCODINGS.join(', ')}`, 'utf-8')
    .option('--good-rows', 'import the valid rows and report the others (default: all or nothing)')
    .option('--dry-run', 'check the file and report, write nothing')
    .action(
      (file: string, o: { programme: string; encoding: string; goodRows?: boolean; dryRun?: boolean }) =>
        withDatabase(async ({ database, clock }) => {
          if (!(IMPORT_ENCODINGS as readonly string[]).includes(o.encoding))
            throw new Error(`--encoding must be one of ${IMPORT_ENCODINGS.join(', ')}`);
          const programmes = createProgrammesService({ repo: createProgrammesRepo(database.db), clock });
          const programme = (await programmes.all()).find((p) => p.code === o.programme);
          if (!programme) throw new Error(`No programme with code ${o.programme}`);
          const imports = createTaskImport({ db: database.db, clock, programmes });
          const p = await imports.open(systemActor, programme.id);
          const body = await readFile(file);
          const t0 = performance.now();
          const sheet = await imports.read(body, formatOf(body), o.encoding as ImportEncoding);
          const parsed = (performance.now() - t0) / 1000;
          console.error(
            `Read ${sheet.rows.length} rows in ${parsed.toFixed(1)} s (header on row ${sheet.headerRow}).`,
          );
          if (o.dryRun) {
            const r = await imports.preview(
              systemActor,
              { programmeId: p.id, fileName: file, encoding: o.encoding as ImportEncoding },
              body,
            );
            console.error(
              `${r.valid} valid (${r.create} new, ${r.update} to update, ${r.unchanged} unchanged), ${r.invalid} with errors. Nothing written.`,
            );
            for (const e of r.errors.slice(0, 20)) console.error(`  row ${e.row}, ${e.column}: ${e.message}`);
            if (r.invalid) process.exitCode = 1;
            return;
          }
          const r = await imports.write(systemActor, p, sheet, o.goodRows ? 'valid' : 'all');
          for (const e of r.counts.errors.slice(0, 20))
            console.error(`  row ${e.row}, ${e.column}: ${e.message}`);
          if (r.refused) {
            console.error(`Refused, nothing written: ${r.counts.invalid} rows with errors.`);
            process.exitCode = 1;
            return;
          }
          const rate = r.seconds > 0 ? Math.round((r.created + r.updated) / r.seconds) : 0;
          console.error(
            `Created ${r.created}, updated ${r.updated}, ${r.counts.unchanged} unchanged, ${r.counts.invalid} skipped with errors, in ${r.seconds.toFixed(1)} s (${rate}/s).`,
          );
        }),
    );
}
