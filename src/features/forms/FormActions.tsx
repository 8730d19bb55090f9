import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

type Props = {
  saving: boolean;
  error: string | null;
  draftRestored: boolean;
  onDiscard: () => void;
};

/** Save / cancel at the bottom of every form, with the outcome in plain words. */
export const FormActions = ({ saving, error, draftRestored, onDiscard }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="form-actions">
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions__buttons">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('forms.saving') : t('forms.save')}
        </button>
        <button type="button" className="button" onClick={() => void navigate(-1)}>
          {t('forms.cancel')}
        </button>
        {draftRestored && (
          <button type="button" className="button button--ghost" onClick={onDiscard}>
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
