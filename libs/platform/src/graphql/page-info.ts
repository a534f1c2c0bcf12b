import { Field, type FieldMiddleware, ObjectType } from '@nestjs/graphql';

// A listing read forward only may leave it unset: Relay allows false when it is not known cheaply.
const falseWhenUnset: FieldMiddleware = async (_ctx, next) =>
  ((await next()) as boolean | undefined) ?? false;

@ObjectType({ description: 'Where a page of a cursor connection starts and ends' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page' }) hasNextPage: boolean;
  @Field({
    middleware: [falseWhenUnset],
    description:
      'Whether items precede this page (true whenever `after` was given, or, paging backward, when more precede it)',
  })
  hasPreviousPage?: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the first item; pass it as `before` for the previous page (connections that page backward)',
  })
  startCursor?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page',
  })
  endCursor: string | null;
}

/** The page info of a listing read forward only: a given `after` means items precede the page. */
export function forwardPageInfo(
  cursors: readonly string[],
  hasNextPage: boolean,
  after: string | null | undefined,
): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: Boolean(after),
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
  };
}
