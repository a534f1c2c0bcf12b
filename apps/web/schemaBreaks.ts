import { diff, CriticalityLevel } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
} from 'graphql';

/*
 * Whether a new GraphQL schema still serves the web app: the web's documents (the typed ones that
 * GraphQL Code Generator wrote into src/gql/graphql.ts) are validated against the new schema, and
 * the breaking changes GraphQL Inspector finds between the two schemas are split into those that
 * touch something a document uses (a field, an argument, an input or enum type of a variable) and
 * the rest. Node only (the api's tests and the web's schema test); never part of the browser build.
 */

export interface WebDocument {
  name: string;
  text: string;
}

export interface WebBreaks {
  /** Documents the new schema refuses, with graphql's messages. */
  invalid: { name: string; errors: string[] }[];
  /** Inspector's breaking changes on something a web document uses. */
  breaking: string[];
  /** Inspector's breaking changes the web does not depend on. */
  elsewhere: string[];
}

/** The documents of the generated module (`export const XDocument = new TypedDocumentString(`…`)`). */
export function generatedDocuments(generatedTypes: string): WebDocument[] {
  return [
    ...generatedTypes.matchAll(/export const (\w+)Document = new TypedDocumentString\(`([\s\S]*?)`/g),
  ].map(([, name, text]) => ({ name: name!, text: text! }));
}

/** Schema coordinates the documents use: `Type.field`, `Type.field.argument`, and named input and enum types. */
export function usedCoordinates(schema: GraphQLSchema, documents: WebDocument[]): Set<string> {
  const used = new Set<string>();
  const info = new TypeInfo(schema);
  for (const doc of documents)
    visit(
      parse(doc.text),
      visitWithTypeInfo(info, {
        Field() {
          const parent = info.getParentType();
          const field = info.getFieldDef();
          if (parent && field) used.add(`${parent.name}.${field.name}`);
        },
        Argument() {
          const parent = info.getParentType();
          const field = info.getFieldDef();
          const arg = info.getArgument();
          if (parent && field && arg) used.add(`${parent.name}.${field.name}.${arg.name}`);
        },
        VariableDefinition() {
          const type = info.getInputType();
          if (type) used.add(getNamedType(type).name);
        },
        ObjectField() {
          const type = info.getInputType();
          if (type) used.add(getNamedType(type).name);
        },
      }),
    );
  // An input type used through a variable brings its fields and the input and enum types they name.
  const inputs = [...used].map((n) => schema.getType(n)).filter(isInputObjectType);
  while (inputs.length) {
    const input = inputs.pop()!;
    for (const field of Object.values(input.getFields())) {
      used.add(`${input.name}.${field.name}`);
      const named = getNamedType(field.type);
      if (used.has(named.name)) continue;
      used.add(named.name);
      if (isInputObjectType(named)) inputs.push(named);
    }
  }
  return used;
}

/** What a change from `oldSdl` to `newSdl` breaks for the web's documents. */
export async function webBreaks(
  oldSdl: string,
  newSdl: string,
  documents: WebDocument[],
): Promise<WebBreaks> {
  const before = buildSchema(oldSdl);
  const after = buildSchema(newSdl);
  const invalid = documents
    .map((d) => ({ name: d.name, errors: validate(after, parse(d.text)).map((e) => e.message) }))
    .filter((d) => d.errors.length);
  const used = usedCoordinates(before, documents);
  const breaking: string[] = [];
  const elsewhere: string[] = [];
  for (const change of await diff(before, after)) {
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const path = change.path ?? '';
    const parts = path.split('.');
    // `Type.field`, `Type.field.arg`, `Enum.VALUE`, `Input.field`: used when the path or its field, or its type, is.
    const touches = used.has(path) || used.has(parts.slice(0, 2).join('.')) || used.has(parts[0]!);
    (touches ? breaking : elsewhere).push(`${change.message} (${path})`);
  }
  return { invalid, breaking, elsewhere };
}
