import { afterEach, expect } from 'vitest';
import { FIXTURE_PASSWORD, loadStaffFixture } from '../../auth/testing/staff-fixture.js';
import { defaultPolicy } from '../../domain/policy/default-policy.js';
import type { Db } from '../../store/db.js';
import { startServer, type RunningServer } from '../serve.js';
import { sessionClient } from './session-client.js';

/**
 * A server over a database holding the staff fixture (loaded as of `loadedAt`), on a real socket,
 * closed after each test. `as(username)` is a client signed in as that staff member; `url` the server's.
 */
export function staffServer(): (db: Db, loadedAt: Date, clock: () => Date, prepare?: () => Promise<void>) => Promise<{ url: string; as: (username: string) => Promise<ReturnType<typeof sessionClient>> }> {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (db, loadedAt, clock, prepare) => {
    await loadStaffFixture(db, loadedAt);
    await prepare?.();
    server = await startServer({ db, policy: async () => defaultPolicy(), clock }, { port: 0 });
    const url = server.url;
    return {
      url,
      as: async (username: string) => {
        const b = sessionClient(url);
        expect((await b.signIn(username, FIXTURE_PASSWORD)).status).toBe(200);
        return b;
      },
    };
  };
}
