import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { IMPORT_ENCODINGS, IMPORT_FORMATS, importQuery } from '../../shared/schemas/records.js';
import { systemActor } from '../modules/auth/actor.js';
import { createRecordsService } from '../modules/records/records.service.js';
import { progress, withDatabase } from './context.js';
import { registerImportTasks } from './import-tasks.command.js';

export function registerImport(program: Command) {
  const imp = program.command('import').description('Bulk-load data from files');
  registerImportTasks(imp);
  imp
    .command('records')
    .description('Import service records from a CSV, XLSX or NDJSON file (streamed; the same id updates)')
    .argument('<file>', 'the file to import')
    .option('--format <format>', `one of ${IMPORT_FORMATS.join(', ')} (default: from the extension)`)
    .option('--source <code>', 'the source system that numbered the records', 'DVC')
    .option('--encoding <encoding>', `one of ${IMPORT_ENCODINGS.join(', ')}`, 'utf-8')
    .option('--good-rows', 'import the good rows and report the bad ones (default: all or nothing)')
    .action((file: string, o: { format?: string; source: string; encoding: string; goodRows?: boolean }) =>
      withDatabase(async ({ database, clock }) => {
        const q = importQuery.parse({
          format: o.format,
          source: o.source,
          encoding: o.encoding,
          mode: o.goodRows ? 'good' : 'all',
        });
        const size = (await stat(file)).size;
        const records = createRecordsService({ db: database.db, clock });
        const r = await records.importFile(systemActor, {
          ...q,
          fileName: path.basename(file),
          body: createReadStream(file, { highWaterMark: 1 << 20 }),
          onProgress: (p) => progress(`Records (${p.rows.toLocaleString('en')} rows)`, p.bytes, size),
        });
        progress(`Records (${r.rows.toLocaleString('en')} rows)`, size, size);
        const rate = r.seconds > 0 ? Math.round(r.imported / r.seconds) : 0;
        console.error(
          `${r.status === 'done' ? 'Imported' : 'Refused, nothing written:'} ${r.imported} of ${r.rows} rows, ${r.failed} with errors, in ${r.seconds.toFixed(1)} s (${rate}/s). Import #${r.importId}.`,
        );
        for (const e of r.errors.slice(0, 20))
          console.error(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
        if (r.errors.length > 20 || r.errorsTruncated)
          console.error(`  … the full report: GET /api/v1/service-records/imports/${r.importId}`);
        if (r.status !== 'done') process.exitCode = 1;
      }),
    );
}
