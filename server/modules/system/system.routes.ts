import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { createSystemRepo } from './system.repo.js';

/** Liveness without the database (it must answer while a heavy query runs), readiness with it. */
export function systemRoutes(app: FastifyInstance, database: Database) {
  const repo = createSystemRepo(database.db);
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await repo.ping();
      return { status: 'ok', engine: database.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    const m = process.memoryUsage();
    const lines = [
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${m.rss}`,
      '# TYPE nodejs_heap_used_bytes gauge',
      `nodejs_heap_used_bytes ${m.heapUsed}`,
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${process.uptime()}`,
      '# TYPE db_pool_waiting gauge',
      `db_pool_waiting ${database.pool.waitingCount}`,
      '# TYPE db_pool_total gauge',
      `db_pool_total ${database.pool.totalCount}`,
    ];
    return reply.type('text/plain; version=0.0.4').send(lines.join('\n') + '\n');
  });
}
