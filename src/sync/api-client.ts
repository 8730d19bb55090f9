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

type Send = (path: string, init: RequestInit & { token?: string | undefined }) => Promise<unknown>;

/** Sends one request to the server and answers its JSON body, or throws an `ApiError`. */
const sender =
  (baseUrl: string, fetchImpl: typeof fetch): Send =>
  async (path, init) => {
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

/** GET and the writing methods, each with the signed-in user's token. */
const verbs = (send: Send) => ({
  get: (path: string, token: string) => send(path, { method: 'GET', token }),
  post: (path: string, token: string | undefined, body?: unknown, signal?: AbortSignal) =>
    send(path, {
      method: 'POST',
      token,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    }),
  put: (path: string, token: string, body: unknown) =>
    send(path, { method: 'PUT', token, body: JSON.stringify(body) }),
  patch: (path: string, token: string, body: unknown) =>
    send(path, { method: 'PATCH', token, body: JSON.stringify(body) }),
});
type Verbs = ReturnType<typeof verbs>;

const sessionCalls = ({ get, post }: Verbs) => ({
  login: async (body: LoginRequest) =>
    LoginResponse.parse(await post('/api/auth/login', undefined, body)),
  /** Resolves while this device may work; throws `revoked` when it was revoked. */
  deviceStatus: async (body: DeviceStatusRequest) => {
    await post('/api/device/status', undefined, body);
  },
  logout: async (token: string, signal?: AbortSignal) => {
    await post('/api/auth/logout', token, undefined, signal);
  },
  rules: async (token: string) => {
    const body = (await get('/api/rules', token)) as { rules?: unknown };
    return Array.isArray(body.rules) ? body.rules : [];
  },
  catalog: async (token: string) => Catalog.parse(await get('/api/catalog', token)),
});

const syncCalls = ({ get, post }: Verbs) => ({
  push: async (token: string, mutations: PushMutation[]) =>
    PushResponse.parse(await post('/api/sync/push', token, { mutations })),
  handOver: async (token: string, body: HandOverRequest) => {
    await post('/api/sync/hand-over', token, body);
  },
  audit: async (token: string, events: AuditUpload['events']) =>
    (await post('/api/sync/audit', token, { events })) as { received: string[] },
  catchUp: async (token: string, ids: string[]) =>
    CatchUpResponse.parse(await post('/api/sync/households', token, { ids })),
  pull: async (token: string, cursor: string, limit = 1000, options: PullOptions = {}) => {
    const query = new URLSearchParams({ cursor, limit: String(limit) });
    for (const [k, v] of Object.entries(options)) if (v !== undefined) query.set(k, v);
    return PullResponse.parse(await get(`/api/sync/pull?${query}`, token));
  },
});

const adminCalls = ({ get, post, put, patch }: Verbs) => ({
  users: async (token: string) =>
    z.object({ users: z.array(AdminUser) }).parse(await get('/api/admin/users', token)).users,
  createUser: async (token: string, body: CreateUser) => {
    await post('/api/admin/users', token, body);
  },
  updateUser: async (token: string, id: string, body: UpdateUser) => {
    await patch(`/api/admin/users/${id}`, token, body);
  },
  teams: async (token: string) =>
    z.object({ teams: z.array(AdminTeam) }).parse(await get('/api/admin/teams', token)).teams,
  createTeam: async (token: string, name: string) => {
    await post('/api/admin/teams', token, { name });
  },
  devices: async (token: string) =>
    z.object({ devices: z.array(AdminDevice) }).parse(await get('/api/admin/devices', token))
      .devices,
  saveRule: async (token: string, rule: ContactRule) => {
    await put(`/api/rules/${rule.programme}`, token, rule);
  },
  revokeDevice: async (token: string, id: string) => {
    await post(`/api/admin/devices/${id}/revoke`, token);
  },
});

const reportCalls = ({ get }: Verbs) => ({
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
      .parse(await get(`/api/reports/indicators?${query}`, token)).rows;
  },
  casework: async (token: string, from: string, to: string, filter: ReportFilterChoice = {}) =>
    CaseworkReport.parse(
      await get(`/api/reports/casework?${reportQuery({ from, to }, filter)}`, token),
    ),
});

const supervisionCalls = ({ get, post }: Verbs) => ({
  issues: async (token: string, after: IssuesAfter = {}) => {
    const query = new URLSearchParams({ limit: '50' });
    for (const [k, v] of Object.entries(after)) if (v) query.set(k, v);
    return SyncIssues.parse(await get(`/api/supervision/issues?${query}`, token));
  },
  resolveConflict: async (token: string, id: string, action: 'keep' | 'restore') => {
    await post(`/api/supervision/conflicts/${id}/resolve`, token, { action });
  },
  resolveQuarantine: async (token: string, id: string, action: 'discard' | 'apply') => {
    await post(`/api/supervision/quarantine/${id}/resolve`, token, { action });
  },
});

const gdprCalls = ({ get, post }: Verbs) => ({
  retention: async (token: string) => RetentionList.parse(await get('/api/gdpr/retention', token)),
  anonymise: async (token: string, householdIds: string[]) =>
    AnonymiseResult.parse(await post('/api/gdpr/anonymise', token, { householdIds })),
  subject: async (token: string, householdId: string) =>
    SubjectExport.parse(await get(`/api/gdpr/subject/${householdId}`, token)),
  pseudonymised: async (token: string, from: string, to: string) =>
    PseudonymisedExport.parse(await get(`/api/exports/pseudonymised?from=${from}&to=${to}`, token)),
});

/** Typed calls to the sync server; `baseUrl` is '' in the app (same origin). */
export const createApiClient = (baseUrl = '', fetchImpl: typeof fetch = (...a) => fetch(...a)) => {
  const calls = verbs(sender(baseUrl, fetchImpl));
  return {
    ...sessionCalls(calls),
    ...syncCalls(calls),
    ...reportCalls(calls),
    admin: adminCalls(calls),
    supervision: supervisionCalls(calls),
    gdpr: gdprCalls(calls),
  };
};

export type ApiClient = ReturnType<typeof createApiClient>;
