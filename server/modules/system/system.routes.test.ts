import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';

describe('health, readiness, metrics and the API document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('answers health and readiness', async () => {
    expect((await t.anon({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.anon({ method: 'GET', url: '/ready' })).json().status).toBe('ok');
  });

  it('publishes the OpenAPI document with the input and output schemas of the routes', async () => {
    const doc = (await t.anon({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const list = doc.paths['/api/v1/tasks'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['programmeId', 'asOf', 'state', 'q', 'cursor']),
    );
    expect(list.responses['200']).toBeDefined();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tasks/summary', '/api/v1/units', '/api/v1/auth/login']),
    );
    const docs = await t.anon({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);
  });

  it('exposes Prometheus metrics and security headers', async () => {
    const res = await t.anon({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('an unknown API path is a 404 in the error shape', async () => {
    const res = await t.anon({ method: 'GET', url: '/api/v1/nope', lang: 'en' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });
});
