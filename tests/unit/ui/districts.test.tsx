import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '../../../src/data/db';
import { saveCatalog } from '../../../src/data/rules';
import { useDistricts } from '../../../src/widgets/districts';
import { HouseholdFormPage } from '../../../src/features/household/HouseholdFormPage';
import { renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

const Names = () => {
  const { list, name } = useDistricts();
  return (
    <p data-testid="names">
      {list.map((d) => d.name).join('|')} / {name('poruba')} / {name('nowhere')}
    </p>
  );
};

/** The districts come from the server, so another city needs no code change. */
describe('districts from the server', () => {
  it('offers Ostrava\u2019s before the first sync, and the server\u2019s list after it', async () => {
    renderScreen(<Names />);
    expect((await screen.findByTestId('names')).textContent).toContain('Poruba|');
    await saveCatalog(getDb(), {
      districts: [
        { code: 'brno-stred', name: 'Brno-střed' },
        { code: 'poruba', name: 'Poruba (server)' },
      ],
    });
    // A district of another city by the server's name; Ostrava's in the user's language.
    await expect
      .poll(async () => (await screen.findByTestId('names')).textContent)
      .toBe('Brno-střed|Poruba / Poruba / nowhere');
  });

  it('registers a household in a district of the server\u2019s city', async () => {
    await saveCatalog(getDb(), {
      districts: [
        { code: 'brno-stred', name: 'Brno-střed' },
        { code: 'brno-sever', name: 'Brno-sever' },
      ],
    });
    renderScreen(<HouseholdFormPage />, {}, { path: '/households/new', url: '/households/new' });
    const select = (await screen.findByLabelText('Městský obvod')) as HTMLSelectElement;
    await expect.poll(() => select.value).toBe('brno-stred');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Brno-střed', 'Brno-sever']);
  });

  it('offers the localities the city knows in the chosen district, and takes their kind', async () => {
    await saveCatalog(getDb(), {
      districts: [
        { code: 'brno-stred', name: 'Brno-střed' },
        { code: 'brno-sever', name: 'Brno-sever' },
      ],
      localities: [
        { district: 'brno-stred', name: 'Cejl', kind: 'svl' },
        { district: 'brno-sever', name: 'Ubytovna Sever', kind: 'hostel' },
      ],
    });
    renderScreen(<HouseholdFormPage />, {}, { path: '/households/new', url: '/households/new' });
    const district = (await screen.findByLabelText('Městský obvod')) as HTMLSelectElement;
    await expect.poll(() => district.value).toBe('brno-stred');
    const offered = () =>
      [...document.querySelectorAll('#known-localities option')].map((o) =>
        o.getAttribute('value'),
      );
    expect(offered()).toEqual(['Cejl']);
    await userEvent.selectOptions(district, 'brno-sever');
    await expect.poll(offered).toEqual(['Ubytovna Sever']);
    const kind = screen.getByLabelText('Typ lokality') as HTMLSelectElement;
    await userEvent.type(screen.getByLabelText(/Název lokality/), 'Ubytovna Sever');
    expect(kind.value).toBe('hostel');
  });
});
