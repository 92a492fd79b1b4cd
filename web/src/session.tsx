import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api';

export type Role = 'advisor' | 'service_manager' | 'store_manager' | 'general_manager' | 'retention_specialist' | 'admin';

export interface SessionInfo {
  staff: { id: string; name: string; role: Role; storeId: string; storeName: string; regionId: string };
  scope: { storeIds: string[] | null; advisorId: string | null };
  csrfToken: string;
}

interface SessionState {
  session: SessionInfo | null;
  checked: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [checked, setChecked] = useState(false);

  const adopt = useCallback((s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? '');
    setSession(s);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => adopt(null));
    api<SessionInfo>('/auth/me', { quiet401: true })
      .then(adopt, (err: unknown) => {
        if (!(err instanceof ApiError && err.status === 401)) console.error(err);
      })
      .finally(() => setChecked(true));
  }, [adopt]);

  const signIn = useCallback(
    async (username: string, password: string) => adopt(await api<SessionInfo>('/auth/sign-in', { method: 'POST', body: { username, password }, quiet401: true })),
    [adopt],
  );
  const signOut = useCallback(async () => {
    try {
      await api('/auth/sign-out', { method: 'POST', quiet401: true });
    } finally {
      adopt(null);
    }
  }, [adopt]);

  const value = useMemo(() => ({ session, checked, signIn, signOut }), [session, checked, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in staff member (pages render only inside a session). */
export function useMe(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session;
}

export const isManager = (role: Role) => role !== 'advisor';
