import type { FastifyInstance } from 'fastify';
import type { Catalog } from '../../src/core';
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

/** Every signed-in user needs the places: forms and labels, offline too. */
export const registerCatalogRoute = (app: FastifyInstance, db: Database) => {
  app.get('/api/catalog', async (request): Promise<Catalog> => {
    await authenticate(db, request);
    return { districts: await currentDistricts(db) };
  });
};
