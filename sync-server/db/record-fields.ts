import type { RECORD_SCHEMAS, RecordType } from '../../src/core';

/** The names of a record type's fields, as its schema declares them. */
export type FieldOf<T extends RecordType> = keyof (typeof RECORD_SCHEMAS)[T]['shape'] & string;

/** SQL that reads fields of a stored record, each named as its schema names it. */
export type RecordFields<T extends RecordType> = {
  /** The field as text (`->>`), null when absent. */
  (name: FieldOf<T>): string;
  /** The field as JSON (`->`), for arrays and nested objects. */
  json: (name: FieldOf<T>) => string;
  /** A value inside a nested field as text (`#>>`), e.g. a lease's end. */
  path: (name: FieldOf<T>, ...inside: string[]) => string;
};

/**
 * The one way the server's SQL reads a field of a stored record (`records.data`): by a name
 * the typecheck knows, so renaming or removing a schema field fails to compile instead of
 * silently reading null in a report. `alias` is what the query calls the `records` row.
 * The names are typed, never user input, so they are safe to write into the SQL.
 */
export const fieldsOf = <T extends RecordType>(type: T, alias: string): RecordFields<T> => {
  void type; // only its type is used: it picks the schema whose names are allowed
  const text = (name: FieldOf<T>) => `${alias}.data ->> '${name}'`;
  return Object.assign(text, {
    json: (name: FieldOf<T>) => `${alias}.data -> '${name}'`,
    path: (name: FieldOf<T>, ...inside: string[]) =>
      `${alias}.data #>> '{${[name, ...inside].join(',')}}'`,
  });
};
