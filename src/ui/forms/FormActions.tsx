import { useTranslation } from 'react-i18next';
import { useNavigate } from '../routing';

type Props = {
  saving: boolean;
  /** A failed save, in words; field errors are summed up here too. */
  error: string | null;
  hasFieldErrors: boolean;
  draft: { restored: boolean; discard: () => Promise<void> };
  /** Whether anything was typed since the form opened. */
  dirty: boolean;
  /** Puts the form back as it was before the draft. */
  onReset: () => void;
};

/** Save / cancel at the bottom of every form, with the outcome in plain words. */
export const FormActions = ({ saving, error, hasFieldErrors, draft, dirty, onReset }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = error ?? (hasFieldErrors ? t('forms.fixErrors') : null);
  // Cancelling throws away what was typed (and its draft), once the user says so.
  const cancel = async () => {
    if (dirty || draft.restored) {
      if (!window.confirm(t('forms.cancelConfirm'))) return;
      await draft.discard();
    }
    void navigate(-1);
  };
  return (
    <div className="form-actions">
      {message && (
        <p className="alert" role="alert">
          {message}
        </p>
      )}
      <div className="form-actions__buttons">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('forms.saving') : t('forms.save')}
        </button>
        <button type="button" className="button" onClick={() => void cancel()}>
          {t('forms.cancel')}
        </button>
        {draft.restored && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void draft.discard().then(onReset)}
          >
            {t('forms.discardDraft')}
          </button>
        )}
      </div>
    </div>
  );
};

export const DraftNotice = ({ shown }: { shown: boolean }) => {
  const { t } = useTranslation();
  return shown ? (
    <p className="notice" role="status">
      {t('forms.draftRestored')}
    </p>
  ) : null;
};
