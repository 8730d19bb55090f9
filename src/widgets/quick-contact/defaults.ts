import { RELATIONS, type Enrolment, type Person } from '../../core';

/** The open enrolments a worker's visit serves by default: theirs, else all open ones. */
export const defaultEnrolmentIds = (
  enrolments: readonly Enrolment[],
  workerId: string,
): string[] => {
  const open = enrolments.filter((e) => e.status === 'active' && !e.deleted);
  const mine = open.filter((e) => e.workerId === workerId);
  return (mine.length ? mine : open).map((e) => e.id);
};

/** Who a quick contact is with by default: the head of the household. */
export const defaultParticipantIds = (people: readonly Person[]): string[] => {
  const sorted = [...people].sort(
    (a, b) => RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation),
  );
  return sorted[0] ? [sorted[0].id] : [];
};
