import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { CLOSE_REASONS, LOCALITY_KINDS } from '../../../src/core';
import { EnumSelect } from '../../../src/ui/forms/EnumSelect';
import { renderScreen } from './render';

type Values = { localityKind: string; closeReason: string };

const Form = ({ onValues }: { onValues: (v: Values) => void }) => {
  const { register, handleSubmit } = useForm<Values>({
    defaultValues: { localityKind: 'hostel', closeReason: '' },
  });
  return (
    <form onSubmit={handleSubmit(onValues)}>
      <EnumSelect
        label="Typ lokality"
        enumName="localityKind"
        values={LOCALITY_KINDS}
        registration={register('localityKind')}
      />
      <EnumSelect
        label="Důvod"
        enumName="closeReason"
        values={CLOSE_REASONS}
        registration={register('closeReason')}
        error="Vyberte důvod."
        empty="–"
        invalid
      />
      <button type="submit">Uložit</button>
    </form>
  );
};

const options = (select: HTMLElement) =>
  Array.from((select as HTMLSelectElement).options).map((o) => [o.value, o.textContent]);

describe('EnumSelect', () => {
  it('offers the enum values in order, named in Czech, under its label', () => {
    renderScreen(<Form onValues={() => undefined} />);
    const select = screen.getByLabelText('Typ lokality');
    expect(select.getAttribute('name')).toBe('localityKind');
    expect(select).toHaveProperty('value', 'hostel');
    expect(options(select)).toEqual([
      ['svl', 'SVL'],
      ['hostel', 'ubytovna'],
      ['ordinary', 'běžná zástavba'],
    ]);
    expect(select.hasAttribute('aria-invalid')).toBe(false);
  });

  it('starts with the empty option when asked, and shows the error', () => {
    renderScreen(<Form onValues={() => undefined} />);
    const select = screen.getByLabelText('Důvod');
    expect(options(select)[0]).toEqual(['', '–']);
    expect(options(select)).toHaveLength(CLOSE_REASONS.length + 1);
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Vyberte důvod.');
  });

  it('is a registered form field', async () => {
    let saved: Values | null = null;
    renderScreen(<Form onValues={(v) => (saved = v)} />);
    await userEvent.selectOptions(screen.getByLabelText('Typ lokality'), 'svl');
    await userEvent.selectOptions(screen.getByLabelText('Důvod'), 'moved_out');
    await userEvent.click(screen.getByRole('button', { name: 'Uložit' }));
    expect(saved).toEqual({ localityKind: 'svl', closeReason: 'moved_out' });
  });
});
