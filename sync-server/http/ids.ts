const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record or row id as SQL's uuid type accepts it; anything else is not looked up. */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);
