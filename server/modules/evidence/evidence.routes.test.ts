import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../test/factories.js';
import { testApp, type Caller, type TestApp } from '../../test/harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Evidence goes up as the request body, is checked and stored, and comes back to those who may see the task. */
describe('evidence files', () => {
  let t: TestApp;
  let w: World;
  const as: Record<string, Caller> = {};
  const upload = (who: string, taskId: number, name: string, type: string, body: Buffer) =>
    as[who]!({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/evidence`,
      headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      payload: body,
    });

  beforeAll(async () => {
    t = await testApp({ today: '2025-11-14', uploadMaxMb: 1 });
    w = await makeWorld(t.database.db);
    for (const [k, u] of Object.entries(w.u)) as[k] = await t.login(u.email);
  });
  afterAll(() => t.close());

  it('stores a PDF of the lead unit and gives it back byte for byte', async () => {
    const res = await upload('officerA', w.t.aOverdue.id, 'Biên bản nghiệm thu.pdf', 'application/pdf', PDF);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      fileName: 'Biên bản nghiệm thu.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      unitCode: 'CA',
    });
    const file = await as.steering!({ method: 'GET', url: res.json().url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''Bi%C3%AAn");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const list = await as.leaderA!({ method: 'GET', url: `/api/v1/tasks/${w.t.aOverdue.id}/evidence` });
    expect(list.json()).toHaveLength(1);
  });

  it('a coordinating unit adds its part; another unit neither uploads nor sees it', async () => {
    const part = await upload(
      'officerA',
      w.t.bCoordA.id,
      'phan-viec.csv',
      'text/csv',
      Buffer.from('a,b\n1,2\n'),
    );
    expect(part.json()).toMatchObject({ unitCode: 'CA', mediaType: 'text/csv' });
    expect((await upload('officerB', w.t.aOverdue.id, 'x.pdf', 'application/pdf', PDF)).statusCode).toBe(404);
    const [first] = (
      await as.officerA!({ method: 'GET', url: `/api/v1/tasks/${w.t.aOverdue.id}/evidence` })
    ).json();
    expect((await as.officerB!({ method: 'GET', url: first.url })).statusCode).toBe(404);
    // The inspector reads, but writes nothing.
    expect((await upload('inspector', w.t.aOverdue.id, 'x.pdf', 'application/pdf', PDF)).statusCode).toBe(
      403,
    );
  });

  it('refuses a forbidden type, a disguised file and one too large, keeping nothing', async () => {
    const exe = await upload(
      'officerA',
      w.t.aOverdue.id,
      'setup.exe',
      'application/octet-stream',
      Buffer.from('MZ..'),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('file_type_forbidden');
    const fake = await upload(
      'officerA',
      w.t.aOverdue.id,
      'report.pdf',
      'application/pdf',
      Buffer.from('MZ....'),
    );
    expect(fake.json().error.code).toBe('file_type_forbidden');
    const big = await upload(
      'officerA',
      w.t.aOverdue.id,
      'big.pdf',
      'application/pdf',
      Buffer.concat([PDF, Buffer.alloc(1_100_000)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('file_too_large');
    expect(big.json().error.message).toContain('1 MB');
    const noName = await as.officerA!({
      method: 'POST',
      url: `/api/v1/tasks/${w.t.aOverdue.id}/evidence`,
      headers: { 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(noName.statusCode).toBe(400);
    const list = await as.officerA!({ method: 'GET', url: `/api/v1/tasks/${w.t.aOverdue.id}/evidence` });
    expect(list.json()).toHaveLength(1);
  });
});
