import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/routing';
import type { ContactKind, Enrolment, Household, Person } from '../../core';
import { Icon } from '../../ui/Icon';
import { useServices } from '../services';
import { defaultEnrolmentIds, defaultParticipantIds } from './defaults';
import { PresenceToggles } from './PresenceToggles';
import { AfterSave } from './AfterSave';
import { KindPicker } from './KindPicker';
import { useQuickContact } from './use-quick-contact';

type Props = {
  household: Household;
  people: Person[];
  enrolments: Enrolment[];
  onClose: () => void;
};

/** Who was present: the head of the household unless the worker taps others in or out. */
const usePresence = (people: readonly Person[]) => {
  const [present, setPresent] = useState(() => new Set(defaultParticipantIds(people)));
  const toggle = (id: string) =>
    setPresent((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return { present, toggle };
};

/** The sheet over the whole screen, with its title, a close button and Escape to close. */
const SheetFrame = ({
  title,
  close,
  children,
}: {
  title: string;
  close: () => void;
  children: React.ReactNode;
}) => {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  // Over the whole screen from wherever it opens: a moved (transformed) list row would
  // otherwise hold the sheet inside itself.
  return createPortal(
    <div className="sheet-backdrop" onClick={close}>
      <div
        ref={dialog}
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        <div className="sheet__head">
          <h2>{title}</h2>
          <button
            type="button"
            className="icon-button"
            aria-label={t('common.close')}
            onClick={close}
          >
            <Icon name="close" size={22} />
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
};

/**
 * Logging a routine contact: open the sheet, tap the kind. Two taps, no typing; who was
 * present is one tap per member; the contact can be taken back at once, and a note added
 * after, as a correction that keeps the first record.
 */
export const QuickContactSheet = ({ household, people, enrolments, onClose }: Props) => {
  const { t } = useTranslation();
  const { session } = useServices();
  const enrolmentIds = defaultEnrolmentIds(enrolments, session.user.id);
  const { present, toggle } = usePresence(people);
  const quick = useQuickContact(household, onClose);
  const close = () => void quick.finish();
  const log = (kind: ContactKind) =>
    void quick.log({ enrolmentIds, participantIds: [...present], workerId: session.user.id, kind });

  return (
    <SheetFrame title={t('quickContact.title', { label: household.label })} close={close}>
      {quick.error && (
        <p className="alert" role="alert">
          {quick.error}
        </p>
      )}
      {enrolmentIds.length === 0 ? (
        <>
          <p>{t('quickContact.noEnrolment')}</p>
          <Link className="button" to={`/households/${household.id}/enrolments/new`}>
            {t('actions.enrol')}
          </Link>
        </>
      ) : quick.saved ? (
        <AfterSave
          quick={quick}
          contact={quick.saved}
          people={people}
          enrolments={enrolments}
          close={close}
        />
      ) : (
        <KindPicker
          quick={quick}
          householdId={household.id}
          presence={<PresenceToggles people={people} present={present} toggle={toggle} />}
          log={log}
        />
      )}
    </SheetFrame>
  );
};
