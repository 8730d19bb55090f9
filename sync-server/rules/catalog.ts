import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { Locality, ProgrammeInfo, type Catalog } from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Database, Queryable } from '../db/database';

/** The city's districts, in the order forms offer them. */
export const currentDistricts = (db: Queryable): Promise<Catalog['districts']> =>
  db.query<Catalog['districts'][number]>(
    'SELECT code, name FROM districts ORDER BY position, name',
  );

/** The codes a record or a report may name. */
export const districtCodes = async (db: Queryable): Promise<Set<string>> =>
  new Set((await currentDistricts(db)).map((d) => d.code));

/**
 * The city's programmes, in the order forms offer them. A row an operator wrote by hand that
 * the app could not read is left out, not sent to every device to fail there.
 */
export const currentProgrammes = async (db: Queryable): Promise<ProgrammeInfo[]> => {
  const rows = await db.query(
    `SELECT code, name, housing, lease_max_months AS "leaseMaxMonths", colour
       FROM programmes ORDER BY position, code`,
  );
  return readable(ProgrammeInfo, rows);
};

/** The rows the app can read; one an operator wrote by hand wrongly is left out. */
const readable = <T>(schema: z.ZodType<T>, rows: readonly unknown[]): T[] =>
  rows.flatMap((r) => {
    const parsed = schema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });

/** The localities the city knows, by district. Rows the app could not read are left out. */
export const currentLocalities = async (db: Queryable): Promise<Locality[]> =>
  readable(
    Locality,
    await db.query('SELECT district, name, kind FROM localities ORDER BY district, position, name'),
  );

/** The programme codes an enrolment, a rule or a report may name. */
export const programmeCodes = async (db: Queryable): Promise<Set<string>> =>
  new Set((await currentProgrammes(db)).map((p) => p.code));

/** Every signed-in user needs the places and programmes: forms and labels, offline too. */
export const registerCatalogRoute = (app: FastifyInstance, db: Database) => {
  app.get('/api/catalog', async (request): Promise<Catalog> => {
    await authenticate(db, request);
    return {
      districts: await currentDistricts(db),
      programmes: await currentProgrammes(db),
      localities: await currentLocalities(db),
    };
  });
};
