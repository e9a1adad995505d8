import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from './server.js';

let server: RunningServer | undefined;
let root: string | undefined;

/** Starts the real product the way README does (embedded database, demo data) on a free port. */
export async function setup(project: TestProject) {
  root = await mkdtemp(path.join(os.tmpdir(), 'steerboard-e2e-'));
  server = await startServer({ DATA_DIR: path.join(root, 'data'), FILES_DIR: path.join(root, 'files') });
  project.provide('baseURL', server.url);
}

export async function teardown() {
  await server?.stop();
  if (root) await rm(root, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
