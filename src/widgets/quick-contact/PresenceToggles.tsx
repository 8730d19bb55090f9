import { useTranslation } from 'react-i18next';
import type { Person } from '../../core';

/** Who was there: one tap per member, pressed or not, so a whole-household visit is quick. */
export const PresenceToggles = ({
  people,
  present,
  toggle,
}: {
  people: readonly Person[];
  present: ReadonlySet<string>;
  toggle: (id: string) => void;
}) => {
  const { t } = useTranslation();
  if (people.length < 2) return null;
  return (
    <fieldset className="presence">
      <legend>{t('quickContact.present')}</legend>
      <div className="presence__chips">
        {people.map((p) => (
          <button
            key={p.id}
            type="button"
            className="presence__chip"
            aria-pressed={present.has(p.id)}
            onClick={() => toggle(p.id)}
          >
            {p.firstName} {p.lastName}
          </button>
        ))}
      </div>
    </fieldset>
  );
};
