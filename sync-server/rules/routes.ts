import type { FastifyInstance } from 'fastify';
import { ContactRule, DEFAULT_RULES, ruleFor } from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import { programmeCodes } from './catalog';

/**
 * The organisation's rules, one per programme the city lists: stored ones over the seeded
 * defaults; a programme with neither requires nothing until an admin sets its rule.
 */
export const currentRules = async (db: Database): Promise<ContactRule[]> => {
  const rows = await db.query<{ programme: string; rule: unknown }>(
    'SELECT programme, rule FROM contact_rules',
  );
  const stored = new Map(rows.map((r) => [r.programme, ContactRule.safeParse(r.rule)]));
  return [...(await programmeCodes(db))].map((p) => {
    const s = stored.get(p);
    return s?.success ? s.data : ruleFor(DEFAULT_RULES, p);
  });
};

export const registerRuleRoutes = (app: FastifyInstance, db: Database) => {
  // Every signed-in user needs the rules: the agenda is computed on the device, offline.
  app.get('/api/rules', async (request) => {
    await authenticate(db, request);
    return { rules: await currentRules(db) };
  });

  app.put<{ Params: { programme: string } }>('/api/rules/:programme', async (request) => {
    const { user } = await authenticate(db, request);
    if (user.role !== 'admin') throw new HttpProblem(403, 'forbidden');
    const parsed = ContactRule.safeParse(request.body);
    if (!parsed.success || parsed.data.programme !== request.params.programme) {
      throw new HttpProblem(400, 'invalid_request');
    }
    if (!(await programmeCodes(db)).has(parsed.data.programme))
      throw new HttpProblem(404, 'not_found');
    await db.query(
      `INSERT INTO contact_rules (programme, rule, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (programme) DO UPDATE SET rule = EXCLUDED.rule, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [parsed.data.programme, JSON.stringify(parsed.data), user.id],
    );
    return { rule: parsed.data };
  });
};
