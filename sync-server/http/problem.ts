import type { FastifyReply } from 'fastify';
import type { ErrorCode, Problem } from '../../src/core';

const TITLES: Record<ErrorCode, string> = {
  invalid_request: 'The request is not valid.',
  unauthorized: 'Authentication is required.',
  session_expired: 'The session has expired.',
  forbidden: 'Not allowed.',
  revoked: 'This device or user has been blocked.',
  not_found: 'Not found.',
  conflict: 'The request conflicts with the current state.',
  too_large: 'The request is too large.',
  rate_limited: 'Too many requests.',
  locked_out: 'The account is temporarily locked.',
  update_required: 'This version of the app is too old; update it.',
  protocol_unsupported: 'This app is newer than the server.',
  internal: 'Something went wrong on the server.',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
  ) {
    super(code);
  }
}

export const problemBody = (status: number, code: ErrorCode): Problem => ({
  type: `https://teren.invalid/problems/${code}`,
  title: TITLES[code],
  status,
  code,
});

/** Errors reveal nothing to the caller beyond their code (docs/security.md item 13). */
export const sendProblem = (reply: FastifyReply, status: number, code: ErrorCode) => {
  // A revoked device or user: the browser itself erases the app's storage and caches too,
  // whatever state the app is in.
  if (code === 'revoked') reply.header('Clear-Site-Data', '"cache", "storage"');
  return reply.code(status).type('application/problem+json').send(problemBody(status, code));
};
