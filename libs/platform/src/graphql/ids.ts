const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID, the form of every record id; checked before any id reaches SQL. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
