import { useTranslation } from 'react-i18next';
import { splitMinutes, type Contact, type Enrolment, type Person } from '../../core';
import { useProgrammes } from '../programmes';

/** What the minutes of a visit count for: per person present, and per programme if several. */
const useSplitText = () => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  return (contact: Contact, enrolments: readonly Enrolment[]): string[] => {
    const lines: string[] = [];
    const people = contact.participantIds.length;
    if (people > 1) {
      const each = Math.round(contact.minutes / people);
      lines.push(t('quickContact.perPerson', { count: people, minutes: each }));
    }
    if (contact.enrolmentIds.length > 1) {
      const split = splitMinutes(contact.minutes, contact.enrolmentIds);
      const names = enrolments
        .filter((e) => split.has(e.id))
        .map((e) => `${programmes.name(e.programme)} ${split.get(e.id)} min`);
      lines.push(names.join(' · '));
    }
    return lines;
  };
};

/** The confirmation of a logged contact, in view, with its undo and a note to add. */
export const SavedContact = ({
  contact,
  people,
  enrolments,
}: {
  contact: Contact;
  people: readonly Person[];
  enrolments: readonly Enrolment[];
}) => {
  const { t } = useTranslation();
  const splitText = useSplitText();
  const present = people
    .filter((p) => contact.participantIds.includes(p.id))
    .map((p) => p.firstName)
    .join(', ');
  return (
    <div className="notice" role="status" data-testid="quick-saved">
      <p>
        {t('quickContact.saved', {
          kind: t(`enums.contactKind.${contact.kind}`),
          minutes: contact.minutes,
        })}
        {present && ` ${t('quickContact.presentWere', { names: present })}`}
      </p>
      {splitText(contact, enrolments).map((line) => (
        <p key={line} className="small">
          {line}
        </p>
      ))}
    </div>
  );
};
