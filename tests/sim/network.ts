import type { FastifyInstance } from 'fastify';

export type Fault =
  'none' | 'drop_request' | 'drop_response' | 'duplicate' | 'replay_later' | 'truncate';

/**
 * A device's network to the in-process server, with injected faults: a request lost on the
 * way, a response lost after the server committed (a crash between commit and reply), a
 * request delivered twice at once, a copy delivered again much later, out of order, and a request
 * body cut off half-way.
 */
export class FaultyNetwork {
  fault: Fault = 'none';
  private delayed: (() => Promise<unknown>)[] = [];

  constructor(private readonly app: FastifyInstance) {}

  private deliver(url: string, init: RequestInit | undefined) {
    const u = new URL(url);
    return this.app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: u.pathname + u.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(init?.body ? { payload: String(init.body) } : {}),
    });
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const fault = this.fault;
    if (fault === 'drop_request') throw new TypeError('network: request lost');
    if (fault === 'replay_later') this.delayed.push(() => this.deliver(url, init));
    if (fault === 'truncate' && init?.body) {
      const body = String(init.body);
      init = { ...init, body: body.slice(0, Math.floor(body.length / 2)) };
    }
    // A duplicate arrives while the original is still being handled (a retry after a
    // timeout that overlaps it): both must get the same answer.
    const [res, copy] = await Promise.all([
      this.deliver(url, init),
      fault === 'duplicate' ? this.deliver(url, init) : null,
    ]);
    if (fault === 'drop_response') throw new TypeError('network: response lost');
    const final = copy ?? res;
    return new Response(final.body, {
      status: final.statusCode,
      headers: { 'content-type': 'application/json' },
    });
  };

  /** Delivers the requests held back by `replay_later`, long after they were sent. */
  async flushDelayed(): Promise<void> {
    for (const send of this.delayed.splice(0)) await send();
  }
}
