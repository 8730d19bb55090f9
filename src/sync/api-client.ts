import { z } from 'zod';
import {
  AdminDevice,
  AdminTeam,
  AdminUser,
  AnonymiseResult,
  PseudonymisedExport,
  RetentionList,
  SubjectExport,
  CaseworkReport,
  IndicatorRow,
  type ContactRule,
  type CreateUser,
  type UpdateUser,
  CatchUpResponse,
  Catalog,
  LoginResponse,
  Problem,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PullResponse,
  type PullOptions,
  PushResponse,
  SyncIssues,
  type PushMutation,
  type HandOverRequest,
  type ErrorCode,
  type AuditUpload,
  type DeviceStatusRequest,
  type LoginRequest,
} from '../core';

const NOT_JSON = Symbol('not JSON');

/** A failed call, with a code the app turns into plain Czech. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'offline',
    readonly status: number,
  ) {
    super(code);
  }
}

/** Where the next page of the supervisor's lists starts: the last id already shown. */
type IssuesAfter = { conflictsAfter?: string; quarantineAfter?: string };

/** The report screen's filters; an empty value means all programmes or all districts. */
type ReportFilterChoice = { programme?: string; district?: string };

/** A report's query string: the reports take the same filters, unset ones left out. */
const reportQuery = (params: Record<string, string>, filter: ReportFilterChoice) => {
  const query = new URLSearchParams(params);
  if (filter.programme) query.set('programme', filter.programme);
  if (filter.district) query.set('district', filter.district);
  return query;
};

/** The server could not be reached (no signal, server down): screens say a connection is needed. */
export const isOffline = (e: unknown): boolean => e instanceof ApiError && e.code === 'offline';

export type ApiClient = ReturnType<typeof createApiClient>;

/** Typed calls to the sync server; `baseUrl` is '' in the app (same origin). */
export const createApiClient = (baseUrl = '', fetchImpl: typeof fetch = (...a) => fetch(...a)) => {
  const call = async (path: string, init: RequestInit & { token?: string | undefined }) => {
    const headers = new Headers(init.headers);
    headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    if (init.body) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, { ...init, headers, cache: 'no-store' });
    } catch {
      throw new ApiError('offline', 0);
    }
    const body: unknown =
      response.status === 204 ? null : await response.json().catch(() => NOT_JSON);
    // Only our server answers in JSON; a captive portal's or a proxy's HTML page is an error
    // to retry, whatever its status says.
    if (body === NOT_JSON) throw new ApiError('internal', response.status);
    if (response.ok) return body;
    const problem = Problem.safeParse(body);
    throw new ApiError(problem.success ? problem.data.code : 'internal', response.status);
  };

  return {
    login: async (body: LoginRequest) =>
      LoginResponse.parse(
        await call('/api/auth/login', { method: 'POST', body: JSON.stringify(body) }),
      ),
    /** Resolves while this device may work; throws `revoked` when it was revoked. */
    deviceStatus: async (body: DeviceStatusRequest) => {
      await call('/api/device/status', { method: 'POST', body: JSON.stringify(body) });
    },
    logout: async (token: string) => {
      await call('/api/auth/logout', { method: 'POST', token });
    },
    rules: async (token: string) => {
      const body = (await call('/api/rules', { method: 'GET', token })) as { rules?: unknown };
      return Array.isArray(body.rules) ? body.rules : [];
    },
    catalog: async (token: string) =>
      Catalog.parse(await call('/api/catalog', { method: 'GET', token })),
    push: async (token: string, mutations: PushMutation[]) =>
      PushResponse.parse(
        await call('/api/sync/push', {
          method: 'POST',
          token,
          body: JSON.stringify({ mutations }),
        }),
      ),
    handOver: async (token: string, body: HandOverRequest) => {
      await call('/api/sync/hand-over', { method: 'POST', token, body: JSON.stringify(body) });
    },
    audit: async (token: string, events: AuditUpload['events']) =>
      (await call('/api/sync/audit', {
        method: 'POST',
        token,
        body: JSON.stringify({ events }),
      })) as {
        received: string[];
      },
    admin: {
      users: async (token: string) =>
        z
          .object({ users: z.array(AdminUser) })
          .parse(await call('/api/admin/users', { method: 'GET', token })).users,
      createUser: async (token: string, body: CreateUser) => {
        await call('/api/admin/users', { method: 'POST', token, body: JSON.stringify(body) });
      },
      updateUser: async (token: string, id: string, body: UpdateUser) => {
        await call(`/api/admin/users/${id}`, {
          method: 'PATCH',
          token,
          body: JSON.stringify(body),
        });
      },
      teams: async (token: string) =>
        z
          .object({ teams: z.array(AdminTeam) })
          .parse(await call('/api/admin/teams', { method: 'GET', token })).teams,
      createTeam: async (token: string, name: string) => {
        await call('/api/admin/teams', { method: 'POST', token, body: JSON.stringify({ name }) });
      },
      devices: async (token: string) =>
        z
          .object({ devices: z.array(AdminDevice) })
          .parse(await call('/api/admin/devices', { method: 'GET', token })).devices,
      saveRule: async (token: string, rule: ContactRule) => {
        await call(`/api/rules/${rule.programme}`, {
          method: 'PUT',
          token,
          body: JSON.stringify(rule),
        });
      },
      revokeDevice: async (token: string, id: string) => {
        await call(`/api/admin/devices/${id}/revoke`, { method: 'POST', token });
      },
    },
    indicators: async (
      token: string,
      from: string,
      to: string,
      group: string,
      filter: ReportFilterChoice = {},
    ) => {
      const query = reportQuery({ from, to, group }, filter);
      return z
        .object({ rows: z.array(IndicatorRow) })
        .parse(await call(`/api/reports/indicators?${query}`, { method: 'GET', token })).rows;
    },
    supervision: {
      issues: async (token: string, after: IssuesAfter = {}) => {
        const query = new URLSearchParams({ limit: '50' });
        for (const [k, v] of Object.entries(after)) if (v) query.set(k, v);
        return SyncIssues.parse(
          await call(`/api/supervision/issues?${query}`, { method: 'GET', token }),
        );
      },
      resolveConflict: async (token: string, id: string, action: 'keep' | 'restore') => {
        await call(`/api/supervision/conflicts/${id}/resolve`, {
          method: 'POST',
          token,
          body: JSON.stringify({ action }),
        });
      },
      resolveQuarantine: async (token: string, id: string, action: 'discard' | 'apply') => {
        await call(`/api/supervision/quarantine/${id}/resolve`, {
          method: 'POST',
          token,
          body: JSON.stringify({ action }),
        });
      },
    },
    gdpr: {
      retention: async (token: string) =>
        RetentionList.parse(await call('/api/gdpr/retention', { method: 'GET', token })),
      anonymise: async (token: string, householdIds: string[]) =>
        AnonymiseResult.parse(
          await call('/api/gdpr/anonymise', {
            method: 'POST',
            token,
            body: JSON.stringify({ householdIds }),
          }),
        ),
      subject: async (token: string, householdId: string) =>
        SubjectExport.parse(
          await call(`/api/gdpr/subject/${householdId}`, { method: 'GET', token }),
        ),
      pseudonymised: async (token: string, from: string, to: string) =>
        PseudonymisedExport.parse(
          await call(`/api/exports/pseudonymised?from=${from}&to=${to}`, { method: 'GET', token }),
        ),
    },
    casework: async (token: string, from: string, to: string, filter: ReportFilterChoice = {}) => {
      const query = reportQuery({ from, to }, filter);
      return CaseworkReport.parse(
        await call(`/api/reports/casework?${query}`, { method: 'GET', token }),
      );
    },
    catchUp: async (token: string, ids: string[]) =>
      CatchUpResponse.parse(
        await call('/api/sync/households', {
          method: 'POST',
          token,
          body: JSON.stringify({ ids }),
        }),
      ),
    pull: async (token: string, cursor: string, limit = 1000, options: PullOptions = {}) => {
      const query = new URLSearchParams({ cursor, limit: String(limit) });
      for (const [k, v] of Object.entries(options)) if (v !== undefined) query.set(k, v);
      return PullResponse.parse(await call(`/api/sync/pull?${query}`, { method: 'GET', token }));
    },
  };
};
