import type { FastifyInstance } from 'fastify';
import { ContactRule, DEFAULT_RULES, PROGRAMMES, type Programme } from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';

/** The organisation's rules: stored ones over the seeded defaults. */
export const currentRules = async (db: Database): Promise<ContactRule[]> => {
  const rows = await db.query<{ programme: Programme; rule: unknown }>(
    'SELECT programme, rule FROM contact_rules',
  );
  const stored = new Map(rows.map((r) => [r.programme, ContactRule.safeParse(r.rule)]));
  return PROGRAMMES.map((p) => {
    const s = stored.get(p);
    return s?.success ? s.data : DEFAULT_RULES[p];
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
    await db.query(
      `INSERT INTO contact_rules (programme, rule, updated_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (programme) DO UPDATE SET rule = EXCLUDED.rule, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [parsed.data.programme, JSON.stringify(parsed.data), user.id],
    );
    return { rule: parsed.data };
  });
};
