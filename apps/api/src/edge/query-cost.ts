import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Arguments that say how many items a list field returns. */
const PAGE_ARGUMENTS = ['first', 'last', 'limit'] as const;

/**
 * Upper bound of the number of fields the response of an operation can hold: every selected field
 * counts once per item of each page it sits in, a page being as large as the `first`, `last` or
 * `limit` argument of its field says, whether written inline, passed as a variable or left to its
 * default; on a field returning a connection or a result object, the size applies to the lists
 * inside it. Page sizes count at most `maxPage`, the bound the services enforce themselves (a
 * larger request is refused by them, with a precise message). Lists without such an argument hold
 * a few items of one organisation (contacts, capabilities, opportunities) and count as one.
 *
 * graphql-armor's cost rule reads page sizes from literals only, so the same query with a variable
 * would pass it at a hundredth of its real cost; this count runs once the variables are known.
 * Returns null when the variables do not fit the operation: execution then refuses them anyway.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  maxPage: number,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return null;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const root = schema.getRootType(operation.operation);
  if (!root) return null;

  const pageSize = (
    node: Parameters<typeof getArgumentValues>[1],
    def: Parameters<typeof getArgumentValues>[0],
  ) => {
    if (!def.args.some((a) => (PAGE_ARGUMENTS as readonly string[]).includes(a.name))) return null;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(def, node, variables);
    } catch {
      return maxPage;
    }
    const requested = PAGE_ARGUMENTS.map((name) => args[name]).find((v) => typeof v === 'number');
    return typeof requested === 'number' ? Math.min(Math.max(Math.trunc(requested), 1), maxPage) : maxPage;
  };

  /*
   * `items`: how many times the selection can occur in the response. `page`: the size a field's page
   * argument gave to the lists below it when that field returns an object wrapping the page (a
   * connection's `edges`, a search result's `hits`) rather than the list itself.
   * Validation has already refused fragment cycles, so the recursion ends.
   */
  const cost = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    items: number,
    page: number | null,
  ): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        total += items;
        if (!sel.selectionSet || !('getFields' in type)) continue;
        const def = type.getFields()[sel.name.value];
        const inner = def && getNamedType(def.type);
        if (!def || !inner || !isCompositeType(inner)) continue;
        const size = pageSize(sel, def);
        total += isListType(getNullableType(def.type))
          ? cost(sel.selectionSet, inner, items * (size ?? page ?? 1), null)
          : cost(sel.selectionSet, inner, items, size);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        total += cost(sel.selectionSet, on && isCompositeType(on) ? on : type, items, page);
      } else {
        const fragment = fragments.get(sel.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment)
          total += cost(fragment.selectionSet, on && isCompositeType(on) ? on : type, items, page);
      }
    }
    return total;
  };
  return cost(operation.selectionSet, root, 1, null);
}
