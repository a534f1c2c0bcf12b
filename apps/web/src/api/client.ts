import { ClientError, GraphQLClient } from 'graphql-request';
import type { Locale } from '../i18n/locale';

/** What the app needs to know about a failed call: the api's machine-readable code, and its message. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** For BAD_USER_INPUT: the offending fields' paths and messages, as the api gives them. */
    readonly problems: { path: string; message: string }[] = [],
    /** The api's finer reason, when it gives one (e.g. TABLE_BUSY for SLOT_TAKEN). */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The state every request reads: the interface language and, when signed in, the access token. */
export const requestState: { locale: Locale; accessToken: string | null } = {
  locale: 'ar',
  accessToken: null,
};

const endpoint = () => new URL('/graphql', globalThis.location?.origin ?? 'http://127.0.0.1').toString();

const client = new GraphQLClient(endpoint(), {
  headers: () => ({
    'accept-language': requestState.locale,
    // The refresh token lives in the api's HttpOnly cookie, never in the page (docs/ACCESS.md).
    'x-tashbik-session': 'cookie',
    ...(requestState.accessToken ? { authorization: `Bearer ${requestState.accessToken}` } : {}),
  }),
});

/** A GraphQL document with the types of its variables and result, written beside the query text. */
export interface Operation<TResult, TVariables extends Record<string, unknown> = Record<string, never>> {
  readonly document: string;
  /** Phantom fields: they carry the types and hold nothing. */
  readonly __result?: TResult;
  readonly __variables?: TVariables;
}

export const operation = <TResult, TVariables extends Record<string, unknown> = Record<string, never>>(
  document: string,
): Operation<TResult, TVariables> => ({ document });

/** Sends one operation; any failure becomes an ApiError with the api's code (or NETWORK). */
export async function call<TResult, TVariables extends Record<string, unknown>>(
  op: Operation<TResult, TVariables>,
  ...variables: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  try {
    return await client.request<TResult>(op.document, variables[0] as Record<string, unknown> | undefined);
  } catch (e) {
    throw toApiError(e);
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof ClientError) {
    const first = e.response.errors?.[0];
    const ext = (first?.extensions ?? {}) as {
      code?: string;
      reason?: string;
      fields?: { path: string; message: string }[];
    };
    const code = ext.code ?? (e.response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR');
    return new ApiError(code, first?.message ?? e.message, ext.fields ?? [], ext.reason ?? null);
  }
  return new ApiError('NETWORK', (e as Error)?.message ?? String(e));
}
