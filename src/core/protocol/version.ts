/**
 * Sent with every sync request. The server accepts the current and the previous version;
 * older clients get `update_required` and keep their outbox until they update.
 */
export const PROTOCOL_VERSION = 2;
export const MIN_PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-teren-protocol';

/**
 * Record types newer than protocol 1, with the version that introduced them: a device on an
 * older version is not sent records it could not parse.
 */
export const RECORD_TYPE_SINCE: Readonly<Record<string, number>> = { planReview: 2 };

export const knowsRecordType = (protocol: number, type: string): boolean =>
  protocol >= (RECORD_TYPE_SINCE[type] ?? 1);
