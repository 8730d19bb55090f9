import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isOffline } from '../sync/api-client';
import { saveBlob } from '../ui/download';
import { useServices } from './services';

/**
 * Everything the organisation holds about one household, as a JSON file, for a
 * subject-access request. Made by the server from the central database (complete, and
 * audited there), so it needs a connection.
 */
export const SubjectExportButton = ({ householdId }: { householdId: string }) => {
  const { t } = useTranslation();
  const { api, session } = useServices();
  const [state, setState] = useState<'idle' | 'busy' | 'offline' | 'failed'>('idle');
  const run = async () => {
    setState('busy');
    try {
      const data = await api.gdpr.subject(session.token, householdId);
      saveBlob(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
        `teren-zadost-subjektu-${data.exportedAt.slice(0, 10)}.json`,
      );
      setState('idle');
    } catch (e) {
      setState(isOffline(e) ? 'offline' : 'failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={state === 'busy'}
        onClick={() => void run()}
      >
        {t('privacy.subjectExport')}
      </button>
      {(state === 'offline' || state === 'failed') && (
        <p className="alert" role="alert">
          {state === 'offline' ? t('privacy.needsConnection') : t('admin.failed')}
        </p>
      )}
    </>
  );
};
