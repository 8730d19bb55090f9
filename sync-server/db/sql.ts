/**
 * A piece of SQL that takes parameters: `param` adds a value and returns its placeholder.
 * Pieces compose into one statement without counting `$n` by hand, so several writes can
 * travel as one statement (each statement is a round trip to the database).
 */
export type Fragment = (param: (value: unknown) => string) => string;

export const compose = (fragment: Fragment): { sql: string; params: unknown[] } => {
  const params: unknown[] = [];
  const sql = fragment((value) => {
    params.push(value);
    return `$${params.length}`;
  });
  return { sql, params };
};
