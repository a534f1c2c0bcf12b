import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { answerOf, call, requestState, toApiError } from '../api/client';
import { clearAgendas } from '../forum/agendaStore';
import { clearRequests } from '../offline/requestStore';
import { LOGIN, LOGOUT, ME, REFRESH, type Me, type Tokens } from '../api/operations';
import type { RefreshMutation } from '../gql/graphql';

/**
 * The access token lives in memory only. The refresh token is in the api's HttpOnly, SameSite=Strict
 * session cookie, which no script can read: on load the app asks the api to refresh through it, so a
 * reload keeps the user signed in. The page runs no inline or third-party script (see the
 * Content-Security-Policy the api sends).
 */

interface Session {
  me: Me | null;
  /**
   * True once the api has handed this page an access token (sign-in or a resumed session), before
   * `me` has been read: pages that read only the user's own data start their requests then.
   */
  signedIn: boolean;
  /** True until a stored session has been resumed (or found missing). */
  resuming: boolean;
  /** True when a stored session could not be resumed because the api was out of reach. */
  offline: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The refresh public/session-start.js sent while the scripts downloaded, taken once. Taking it (or
 * finding none) leaves null behind, so the script, if it runs later, sends none of its own.
 */
function takeStartedRefresh(): Promise<Response> | null {
  const page = globalThis as { tashbikSessionRefresh?: Promise<Response> | null };
  const started = page.tashbikSessionRefresh ?? null;
  page.tashbikSessionRefresh = null;
  return started;
}

function storeTokens(tokens: Tokens | null) {
  requestState.accessToken = tokens?.accessToken ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [signedIn, setSignedIn] = useState(!!requestState.accessToken);
  const [offline, setOffline] = useState(false);
  // Whether a session cookie exists is unknown to the page: it always asks the api once.
  const [resuming, setResuming] = useState(() => !requestState.accessToken);

  useEffect(() => {
    if (!resuming) return;
    const started = takeStartedRefresh();
    (started ? answerOf<RefreshMutation>(started) : call(REFRESH))
      .then(({ refreshSession }) => {
        storeTokens(refreshSession);
        setSignedIn(true);
      })
      // Offline, the cookie is kept for when the connection returns (the agenda shows its stored copy).
      .catch((e: unknown) => (toApiError(e).code === 'NETWORK' ? setOffline(true) : storeTokens(null)))
      .finally(() => setResuming(false));
  }, [resuming]);

  // Offline at load, the session is resumed when the connection returns.
  useEffect(() => {
    if (!offline) return;
    const retry = () => {
      setOffline(false);
      setResuming(true);
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [offline]);

  const me = useQuery({
    queryKey: ['me', signedIn],
    queryFn: async () => (signedIn ? (await call(ME)).me : null),
    staleTime: 60_000,
  });

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { login } = await call(LOGIN, { email, password });
      storeTokens(login);
      setSignedIn(true);
      await queries.invalidateQueries();
    },
    [queries],
  );

  const signOut = useCallback(async () => {
    await call(LOGOUT).catch(() => undefined);
    storeTokens(null);
    clearAgendas();
    clearRequests();
    setSignedIn(false);
    queries.clear();
  }, [queries]);

  const value = useMemo(
    () => ({ me: me.data ?? null, signedIn, resuming, offline, signIn, signOut }),
    [me.data, signedIn, resuming, offline, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
