/** Answers of GraphQL calls in tests, read the same way by every spec. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A GraphQL answer as any client returns it: its data and the errors the server wrote. */
export interface GqlAnswer {
  data?: unknown;
  errors?: readonly { message?: string; extensions?: Record<string, unknown> }[] | null;
}

/** The data of an answer: its stated type, or loose JSON where the call stated none. */
export type DataOf<A> = A extends { data?: infer D }
  ? Record<string, unknown> extends NonNullable<D>
    ? Json
    : NonNullable<D>
  : Json;

/** The data of an answer that must have succeeded; any error fails the test with the errors in full. */
export function ok<A extends GqlAnswer>(answer: A): DataOf<A> {
  if (answer.errors?.length) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(answer.errors)}`);
  if (answer.data == null) throw new Error('a GraphQL answer without errors and without data');
  return answer.data as DataOf<A>;
}

/** The machine-readable code of an answer's first error (`BAD_USER_INPUT`, `FORBIDDEN`, ...), if any. */
export function codeOf(answer: GqlAnswer): string | undefined {
  const code = answer.errors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
