// Runs PGlite on its own thread and serves it over a Unix socket, so that a slow query never
// blocks the HTTP server's event loop; the server reaches it through the ordinary `pg` driver.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath, loadDataDirFile, dumpTo } = workerData;

let loadDataDir;
if (loadDataDirFile) loadDataDir = new Blob([await readFile(loadDataDirFile)]);
const db = await PGlite.create({ dataDir: dataDir ?? 'memory://', loadDataDir });
// The pool keeps one connection (PGlite is one session), but pg replaces a connection after any
// query error; room for a few lets the replacement in while the old one is still closing.
const server = new PGLiteSocketServer({
  db,
  path: socketPath,
  maxConnections: 8,
  debug: !!process.env.PGLITE_DEBUG,
});
await server.start();
parentPort.postMessage({ type: 'ready' });

parentPort.on('message', async (msg) => {
  if (msg.type === 'dump') {
    const blob = await db.dumpDataDir('none');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(msg.file ?? dumpTo, Buffer.from(await blob.arrayBuffer()));
    parentPort.postMessage({ type: 'dumped' });
  } else if (msg.type === 'stop') {
    await server.stop();
    await db.close();
    parentPort.postMessage({ type: 'stopped' });
  }
});
