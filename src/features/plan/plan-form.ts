import { z } from 'zod';
import { newId, Plan, PlanGoal, PlanStep, type Plan as PlanRecord } from '../../core';

const dateOrEmpty = z.union([z.iso.date(), z.literal('')]);

const StepForm = z.object({
  id: PlanStep.shape.id,
  what: z.string().trim().min(1).max(200),
  who: z.string().trim().max(200),
  due: dateOrEmpty,
  done: z.boolean(),
});
const GoalForm = z.object({
  id: PlanGoal.shape.id,
  area: PlanGoal.shape.area,
  text: z.string().trim().min(1).max(20_000),
  steps: z.array(StepForm),
});

export const PlanFormSchema = z.object({
  /** A member's id, or '' for the household as a whole. */
  personId: z.union([z.uuid(), z.literal('')]),
  goals: z.array(GoalForm).min(1),
  reviewDate: dateOrEmpty,
  clientAgreed: z.boolean(),
  evaluation: Plan.shape.evaluation,
});
export type PlanFormValues = z.input<typeof PlanFormSchema>;
export type PlanFormOutput = z.output<typeof PlanFormSchema>;

export const emptyStep = (): PlanFormValues['goals'][number]['steps'][number] => ({
  id: newId(),
  what: '',
  who: '',
  due: '',
  done: false,
});

export const emptyGoal = (): PlanFormValues['goals'][number] => ({
  id: newId(),
  area: 'housing',
  text: '',
  steps: [emptyStep()],
});

export const planToForm = (p: PlanRecord | null): PlanFormValues =>
  p
    ? {
        personId: p.personId ?? '',
        goals: p.goals.map((g) => ({
          id: g.id,
          area: g.area,
          text: g.text,
          steps: g.steps.map((s) => ({
            id: s.id,
            what: s.what,
            who: s.who,
            due: s.due ?? '',
            done: s.done,
          })),
        })),
        reviewDate: p.reviewDate ?? '',
        clientAgreed: p.clientAgreed,
        evaluation: p.evaluation,
      }
    : {
        personId: '',
        goals: [emptyGoal()],
        reviewDate: '',
        clientAgreed: false,
        evaluation: '',
      };

/** A new revision, based on the one the author was looking at; nothing is overwritten. */
export const planFromForm = (
  v: PlanFormOutput,
  args: {
    enrolmentId: string;
    householdId: string;
    base: PlanRecord | null;
    revision: number;
    authorId: string;
    now: string;
  },
): PlanRecord => ({
  ...(args.base ?? {}),
  id: newId(),
  householdId: args.householdId,
  enrolmentId: args.enrolmentId,
  revision: args.revision,
  basedOn: args.base?.id ?? null,
  authorId: args.authorId,
  personId: v.personId || null,
  goals: v.goals.map((g) => ({ ...g, steps: g.steps.map((s) => ({ ...s, due: s.due || null })) })),
  reviewDate: v.reviewDate || null,
  clientAgreed: v.clientAgreed,
  evaluation: v.evaluation,
  createdAt: args.now,
  updatedAt: args.now,
  deleted: false,
});
