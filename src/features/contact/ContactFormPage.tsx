import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from '../../ui/routing';
import {
  CONTACT_KINDS,
  DEFAULT_MINUTES,
  INTERVENTIONS,
  isFutureContact,
  splitMinutes,
  TOPICS,
  type Contact,
} from '../../core';
import { getDb } from '../../data/db';
import { useHousehold } from '../../data/hooks';
import { saveWithOutbox } from '../../data/outbox';
import type { HouseholdDetail } from '../../data/queries/household';
import { CheckGroup } from '../../ui/forms/CheckGroup';
import { Field, Fieldset } from '../../ui/forms/Field';
import { EnumSelect } from '../../ui/forms/EnumSelect';
import { DraftNotice, FormActions } from '../../ui/forms/FormActions';
import { saveErrorMessage } from '../../ui/forms/save-error';
import { useFormat } from '../../ui/format';
import { useDraft } from '../../widgets/use-draft';
import { Loaded } from '../../ui/Loaded';
import { useServices } from '../../widgets/services';
import {
  contactFromForm,
  ContactFormSchema,
  contactToForm,
  emptyContact,
  OTHER_PARTICIPANTS,
  type ContactFormOutput,
  type ContactFormValues,
} from '../../widgets/quick-contact/contact-form';
import { defaultEnrolmentIds, defaultParticipantIds } from '../../widgets/quick-contact/defaults';
import { useProgrammes } from '../../widgets/programmes';

const ContactForm = ({ detail, amends }: { detail: HouseholdDetail; amends: Contact | null }) => {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const navigate = useNavigate();
  const { session } = useServices();
  const { dateTime } = useFormat();
  const [error, setError] = useState<string | null>(null);
  const { household, people, enrolments } = detail;
  const open = enrolments.filter(
    (e) => e.status !== 'closed' || amends?.enrolmentIds.includes(e.id),
  );
  const [defaults] = useState(() =>
    amends
      ? contactToForm(amends)
      : emptyContact(
          new Date(),
          defaultEnrolmentIds(enrolments, session.user.id),
          defaultParticipantIds(people),
        ),
  );
  const form = useForm<ContactFormValues, unknown, ContactFormOutput>({
    resolver: zodResolver(ContactFormSchema),
    defaultValues: defaults,
  });
  const { register, control, handleSubmit, setValue, getFieldState, formState } = form;
  const { errors, isSubmitting } = formState;
  const draft = useDraft(
    form,
    amends ? `contact:amend:${amends.id}` : `contact:new:${household.id}`,
  );
  const kind = useWatch({ control, name: 'kind' });
  const minutes = Number(useWatch({ control, name: 'minutes' })) || 0;
  const selected = useWatch({ control, name: 'enrolmentIds' });

  useEffect(() => {
    // Follow the usual duration of the chosen kind until the worker sets one themselves.
    if (!getFieldState('minutes').isDirty) setValue('minutes', DEFAULT_MINUTES[kind]);
  }, [kind, getFieldState, setValue]);

  const selectedIds = Array.isArray(selected) ? (selected as string[]) : [];
  const split = [...splitMinutes(minutes, selectedIds)].map(([id, m]) => {
    const e = enrolments.find((x) => x.id === id);
    return `${e ? programmes.name(e.programme) : '?'} ${t('common.minutes', { count: m })}`;
  });

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      const now = new Date();
      const record = contactFromForm(values, {
        householdId: household.id,
        workerId: session.user.id,
        amends,
        now: now.toISOString(),
      });
      // A date ahead of today is mostly a typo: saved only when the worker says it is meant.
      if (
        isFutureContact(record.at, now) &&
        !window.confirm(t('contactForm.futureConfirm', { when: dateTime(record.at) }))
      )
        return;
      await saveWithOutbox(getDb(), 'contact', record);
      await draft.discard();
      await navigate(`/households/${household.id}`, { replace: true });
    } catch (e) {
      setError(saveErrorMessage(e, t));
    }
  });

  return (
    <form autoComplete="off" className="form" onSubmit={submit} noValidate>
      <DraftNotice shown={draft.restored} />
      <Fieldset
        legend={`${amends ? t('contactForm.amendTitle') : t('contactForm.newTitle')}: ${household.label}`}
      >
        {amends && <p className="muted">{t('contactForm.amendNote')}</p>}
        <div className="grid-3">
          <Field label={t('contactForm.date')} error={errors.date?.message}>
            <input autoComplete="off" type="date" {...register('date')} />
          </Field>
          <Field label={t('contactForm.time')} error={errors.time?.message}>
            <input autoComplete="off" type="time" {...register('time')} />
          </Field>
          <Field label={t('contactForm.minutes')} error={errors.minutes?.message}>
            <input
              autoComplete="off"
              type="number"
              inputMode="numeric"
              min={0}
              step={5}
              {...register('minutes', { valueAsNumber: true })}
            />
          </Field>
        </div>
        <EnumSelect
          label={t('contactForm.kind')}
          enumName="contactKind"
          values={CONTACT_KINDS}
          registration={register('kind')}
          error={errors.kind?.message}
        />
        <CheckGroup
          legend={t('contactForm.enrolments')}
          options={open.map((e) => ({ value: e.id, label: programmes.name(e.programme) }))}
          registration={register('enrolmentIds')}
          error={errors.enrolmentIds?.message}
          testId="contact-enrolments"
        />
        {split.length > 1 && (
          <p className="muted small">{t('contactForm.split', { parts: split.join(' · ') })}</p>
        )}
        {kind !== 'failed_attempt' && (
          <>
            <CheckGroup
              legend={t('contactForm.participants')}
              options={people.map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}` }))}
              registration={register('participantIds')}
              error={errors.participantIds?.message}
            />
            <CheckGroup
              legend={t('contactForm.others')}
              options={OTHER_PARTICIPANTS.map((o) => ({ value: o, label: t(`enums.other.${o}`) }))}
              registration={register('otherParticipants')}
            />
            <CheckGroup
              legend={t('contactForm.topics')}
              options={TOPICS.map((o) => ({ value: o, label: t(`enums.topic.${o}`) }))}
              registration={register('topics')}
            />
            <CheckGroup
              legend={t('contactForm.interventions')}
              options={INTERVENTIONS.map((o) => ({
                value: o,
                label: t(`enums.intervention.${o}`),
              }))}
              registration={register('interventions')}
            />
          </>
        )}
        <Field label={t('contactForm.note')} error={errors.note?.message} wide>
          <textarea autoComplete="off" rows={4} {...register('note')} />
        </Field>
        <div className="grid-2">
          <Field label={t('contactForm.nextStep')} error={errors.nextStep?.message}>
            <input {...register('nextStep')} autoComplete="off" />
          </Field>
          <Field label={t('contactForm.nextDate')} error={errors.nextDate?.message}>
            <input autoComplete="off" type="date" {...register('nextDate')} />
          </Field>
        </div>
      </Fieldset>
      <FormActions
        saving={isSubmitting}
        error={error}
        hasFieldErrors={Object.keys(errors).length > 0}
        draft={draft}
        dirty={formState.isDirty}
        onReset={() => form.reset(defaults)}
      />
    </form>
  );
};

/** /households/:householdId/contacts/new and …/contacts/:contactId/amend */
export const ContactFormPage = () => {
  const { householdId = '', contactId } = useParams();
  const detail = useHousehold(householdId);
  // A correction needs the contact it corrects; without it the page is "not found".
  const amends = contactId ? detail?.allContacts.find((c) => c.id === contactId) : null;
  return (
    <Loaded value={detail && amends === undefined ? null : detail} edits>
      {(d) => <ContactForm key={contactId ?? 'new'} detail={d} amends={amends ?? null} />}
    </Loaded>
  );
};
