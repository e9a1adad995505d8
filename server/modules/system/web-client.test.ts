import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';

describe('serving the built web client', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sb-web-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await testApp({ webDir: dir });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a page path with index.html, never cached, so the client routes on the URL', async () => {
    for (const url of ['/', '/p/1/tasks?state=overdue', '/p/1/tasks/42']) {
      const res = await t.anon({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, and a file built after start-up too', async () => {
    const res = await t.anon({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000/);
    await writeFile(path.join(dir, 'assets', 'later-def456.js'), 'console.log(2)');
    expect((await t.anon({ method: 'GET', url: '/assets/later-def456.js' })).statusCode).toBe(200);
  });

  it('a missing asset or API path is a 404, not the page (a stale page would load HTML as script)', async () => {
    const asset = await t.anon({ method: 'GET', url: '/assets/gone-000000.js' });
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['content-type']).toMatch(/json/);
    const api = await t.anon({ method: 'GET', url: '/api/v1/nope', lang: 'en' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });

  it('does not upgrade its own requests to HTTPS (intranet deployments run on plain HTTP)', async () => {
    const res = await t.anon({ method: 'GET', url: '/' });
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
