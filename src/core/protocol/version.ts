/**
 * Sent with every sync request. The server accepts the current and the previous version;
 * older clients get `update_required` and keep their outbox until they update.
 */
export const PROTOCOL_VERSION = 1;
export const MIN_PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-teren-protocol';
