import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, isoDate } from '../../../shared/schemas/common.js';
import {
  createTaskBody,
  summaryQuery,
  summaryResponse,
  taskDetailSchema,
  taskListQuery,
  taskListResponse,
  updateTaskBody,
} from '../../../shared/schemas/tasks.js';
import { typed } from '../../lib/http.js';
import { requireUser } from '../../plugins/auth.js';
import { exportTasksXlsx } from './tasks.export.js';
import type { TasksService } from './tasks.service.js';
import { delegateBody, subtaskTreeResponse } from '../../../shared/schemas/subtasks.js';

export function tasksRoutes(app: FastifyInstance, tasks: TasksService) {
  const r = typed(app);
  const opts = { preHandler: requireUser };
  r.get(
    '/tasks',
    { ...opts, schema: { tags: ['tasks'], querystring: taskListQuery, response: { 200: taskListResponse } } },
    (req) => tasks.list(req.actor, req.query),
  );
  r.get(
    '/tasks/summary',
    { ...opts, schema: { tags: ['tasks'], querystring: summaryQuery, response: { 200: summaryResponse } } },
    (req) => tasks.summary(req.actor, req.query),
  );
  r.get(
    '/tasks/export.xlsx',
    { ...opts, schema: { tags: ['tasks'], querystring: taskListQuery.omit({ limit: true, cursor: true }) } },
    async (req, reply) => {
      const { buffer, filename } = await exportTasksXlsx(tasks, req.actor, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(buffer);
    },
  );
  r.get(
    '/tasks/:id',
    {
      ...opts,
      schema: {
        tags: ['tasks'],
        params: idParams,
        querystring: z.object({ asOf: isoDate.optional() }).strict(),
        response: { 200: taskDetailSchema },
      },
    },
    (req) => tasks.detail(req.actor, req.params.id, req.query.asOf),
  );
  r.post(
    '/tasks',
    { ...opts, schema: { tags: ['tasks'], body: createTaskBody, response: { 201: taskDetailSchema } } },
    async (req, reply) => reply.status(201).send(await tasks.create(req.actor, req.body)),
  );
  r.patch(
    '/tasks/:id',
    {
      ...opts,
      schema: {
        tags: ['tasks'],
        params: idParams,
        body: updateTaskBody,
        response: { 200: taskDetailSchema },
      },
    },
    (req) => tasks.update(req.actor, req.params.id, req.body),
  );
  r.get(
    '/tasks/:id/subtasks',
    {
      ...opts,
      schema: {
        tags: ['tasks'],
        params: idParams,
        querystring: z.object({ asOf: isoDate.optional() }).strict(),
        response: { 200: subtaskTreeResponse },
      },
    },
    (req) => tasks.subtasks(req.actor, req.params.id, req.query.asOf),
  );
  r.post(
    '/tasks/:id/subtasks',
    {
      ...opts,
      schema: {
        tags: ['tasks'],
        params: idParams,
        body: delegateBody,
        response: { 201: subtaskTreeResponse },
      },
    },
    async (req, reply) => reply.status(201).send(await tasks.delegate(req.actor, req.params.id, req.body)),
  );
}
