/** The benches' HTTP client: real requests with the session cookie and the CSRF header. */
export type Client = {
  get: (path: string) => Promise<unknown>;
  post: (path: string, body: unknown) => Promise<unknown>;
};

export function client(base: string, cookie?: string): Client {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(cookie ? { cookie, 'x-steerboard-csrf': '1' } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body) };
}

export async function signIn(base: string, email: string, password: string): Promise<Client> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('sb_session='));
  if (!session) throw new Error(`sign-in of ${email}: no sb_session cookie`);
  return client(base, session);
}
