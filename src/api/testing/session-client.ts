/** A tiny browser for API tests: keeps the session cookie and sends the CSRF token on changes. */
export function sessionClient(baseUrl: string) {
  let cookie = '';
  let csrf = '';
  const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (cookie) headers.cookie = cookie;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body ?? null });
    const set = res.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0]!;
      cookie = pair.endsWith('=') ? '' : pair;
    }
    return res;
  };
  return {
    call,
    get cookieHeader() {
      return cookie;
    },
    async signIn(username: string, password: string) {
      const res = await call('/api/v1/auth/sign-in', { method: 'POST', json: { username, password } });
      if (res.status === 200) csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
      return res;
    },
    send: (method: string, path: string, json: unknown = {}) => call(path, { method, json, headers: { 'x-csrf-token': csrf } }),
    post: (path: string, json: unknown = {}) => call(path, { method: 'POST', json, headers: { 'x-csrf-token': csrf } }),
    async json<T>(path: string): Promise<T> {
      const res = await call(path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
