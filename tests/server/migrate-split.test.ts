import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../sync-server/db/migrate';

describe('splitStatements', () => {
  it('splits on semicolons outside comments, quotes and dollar-quoted bodies', () => {
    const sql = `-- a comment; not a statement
CREATE TABLE a (x text DEFAULT 'semi;colon');
CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no; way'; END; $$ LANGUAGE plpgsql;
INSERT INTO a VALUES ('it''s');`;
    expect(splitStatements(sql)).toEqual([
      "CREATE TABLE a (x text DEFAULT 'semi;colon')",
      "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no; way'; END; $$ LANGUAGE plpgsql",
      "INSERT INTO a VALUES ('it''s')",
    ]);
  });
});
