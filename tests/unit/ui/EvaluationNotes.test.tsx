import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, pragueDate, type EnrolmentEvaluation } from '../../../src/core';
import { EvaluationNotes } from '../../../src/ui/status/EvaluationNotes';
import { renderScreen } from './render';

const today = pragueDate(new Date());
const evaluation = (plan: EnrolmentEvaluation['plan']): EnrolmentEvaluation => ({
  urgency: 'met',
  current: null,
  previous: null,
  nextDue: null,
  late: null,
  plan,
  lease: null,
});

describe('EvaluationNotes', () => {
  it('says how late a plan review is, red once it is a month late', () => {
    renderScreen(
      <EvaluationNotes
        evaluation={evaluation({ status: 'review_due', due: addDays(today, -152) })}
      />,
    );
    const note = screen.getByTestId('note-plan');
    expect(note.textContent).toMatch(/^přehodnocení plánu 152 dní po termínu \(/);
    expect(note.className).toContain('eval-note--bad');
  });

  it('keeps a review due today amber, without a count of days', () => {
    renderScreen(<EvaluationNotes evaluation={evaluation({ status: 'review_due', due: today })} />);
    const note = screen.getByTestId('note-plan');
    expect(note.textContent).toMatch(/^plán k přehodnocení \(/);
    expect(note.className).toContain('eval-note--warn');
  });
});
