import type { z } from 'zod';
import { badInput, type FieldProblem } from './app-error.js';
import { isUuid } from './ids.js';

/** Problems of a failed parse, each with the dotted path of its field under `root`. */
export function problemsOf(error: z.ZodError, root: string): FieldProblem[] {
  return error.issues.map((i) => ({
    path: [root, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

/** Parses with a zod schema; on failure throws BAD_USER_INPUT listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root = 'input'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badInput(problemsOf(parsed.error, root));
  return parsed.data;
}

/** The id in lower case, or BAD_USER_INPUT naming the argument when it is not a UUID. */
export function parseId(id: string, path = 'id'): string {
  if (!isUuid(id)) throw badInput([{ path, message: 'is not a valid id (UUID)' }]);
  return id.toLowerCase();
}
