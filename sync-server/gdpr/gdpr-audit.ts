import { audit } from '../audit/audit';
import type { Session } from '../auth/sessions';
import type { Queryable } from '../db/database';

/** Every use of the GDPR tools is audited, by whom and on what. */
export const auditGdpr = (
  q: Queryable,
  s: Session,
  action: 'export' | 'anonymise',
  recordType: string,
  recordId: string | null = null,
) => audit(q, [{ userId: s.user.id, deviceId: s.deviceId, action, recordType, recordId }]);
