import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { graphql as generatedGraphql } from '../gql/gql';
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

const headers = (): Record<string, string> => ({
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
  'accept-language': requestState.locale,
  // The refresh token lives in the api's HttpOnly cookie, never in the page (docs/ACCESS.md).
  'x-tashbik-session': 'cookie',
  ...(requestState.accessToken ? { authorization: `Bearer ${requestState.accessToken}` } : {}),
});

interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * A response with GraphQL errors, or an HTTP failure without data. The app posts its documents with
 * fetch itself: graphql-request brought the whole graphql library (about 18 kB gzip) into the
 * first load to parse documents the api parses anyway.
 */
export class ResponseError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorBody[] | undefined,
  ) {
    super(errors?.[0]?.message ?? `GraphQL request failed (HTTP ${status})`);
    this.name = 'ResponseError';
  }
}

/**
 * A GraphQL document typed by GraphQL Code Generator (`npm run codegen`, src/gql/): `graphql(`query …`)`
 * gives the document string with the result and variable types the generator derived from
 * apps/web/schema.graphql for that exact text. The generated `graphql` is imported as a type only:
 * at run time the document is its own text, so neither the generator's map of every document nor
 * the graphql library reaches the browser. Documents use no fragments (the text is sent as written).
 */
export const graphql = ((source: string) => source) as unknown as typeof generatedGraphql;

/** The text of a typed document (sent as is: over fetch by `call`, over graphql-ws by the live pages). */
export const documentText = (op: DocumentTypeDecoration<unknown, never>): string => String(op);

/** Sends one operation; any failure becomes an ApiError with the api's code (or NETWORK). */
export function call<TResult, TVariables extends Record<string, unknown>>(
  op: DocumentTypeDecoration<TResult, TVariables>,
  ...variables: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  // A network failure rejects here (a TypeError), and becomes NETWORK in answerOf.
  return answerOf<TResult>(
    fetch(endpoint(), {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ query: documentText(op), variables: variables[0] }),
    }),
  );
}

/** The data of an operation's response (sent by `call`, or before the app started); any failure becomes an ApiError. */
export async function answerOf<TResult>(sent: Promise<Response>): Promise<TResult> {
  try {
    const response = await sent;
    const body = (await response.json().catch(() => null)) as {
      data?: TResult;
      errors?: GraphQLErrorBody[];
    } | null;
    if (!response.ok || !body || body.errors?.length || body.data == null)
      throw new ResponseError(response.status, body?.errors);
    return body.data;
  } catch (e) {
    throw toApiError(e);
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof ResponseError) {
    const first = e.errors?.[0];
    const ext = (first?.extensions ?? {}) as {
      code?: string;
      reason?: string;
      fields?: { path: string; message: string }[];
    };
    const code = ext.code ?? (e.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR');
    return new ApiError(code, first?.message ?? e.message, ext.fields ?? [], ext.reason ?? null);
  }
  return new ApiError('NETWORK', (e as Error)?.message ?? String(e));
}
