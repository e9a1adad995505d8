import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** Routes are declared with zod schemas for input and output; this gives them the typed instance. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
