import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { LoginPage } from '../../../src/features/session/LoginPage';
import { OtherUserPendingError } from '../../../src/features/session/other-user-pending';
import { i18n } from '../../../src/i18n/i18n';
import { ApiError } from '../../../src/sync/api-client';

const renderLogin = (onLogin = vi.fn(async () => undefined)) => {
  render(
    <I18nextProvider i18n={i18n}>
      <LoginPage onLogin={onLogin} />
    </I18nextProvider>,
  );
  return onLogin;
};

describe('LoginPage', () => {
  it('asks for both fields in Czech before calling the server', async () => {
    const onLogin = renderLogin();
    await userEvent.click(screen.getByRole('button', { name: 'Přihlásit se' }));
    expect(await screen.findAllByText('Vyplňte prosím toto pole.')).toHaveLength(2);
    expect(onLogin).not.toHaveBeenCalled();
  });

  it('sends the typed credentials', async () => {
    const onLogin = renderLogin();
    await userEvent.type(screen.getByLabelText('Uživatelské jméno'), 'pracovnik1');
    await userEvent.type(screen.getByLabelText('Heslo'), 'tajne-heslo');
    await userEvent.click(screen.getByRole('button', { name: 'Přihlásit se' }));
    expect(onLogin).toHaveBeenCalledWith({ username: 'pracovnik1', password: 'tajne-heslo' });
  });

  it.each([
    ['unauthorized', 'Nesprávné jméno nebo heslo.'],
    ['offline', 'Nejste připojeni k internetu. Pro první přihlášení je připojení nutné.'],
    ['locked_out', 'Příliš mnoho neúspěšných pokusů. Účet je na chvíli zablokován.'],
  ] as const)('explains a %s failure and keeps what was typed', async (code, message) => {
    renderLogin(vi.fn(async () => Promise.reject(new ApiError(code, 401))));
    await userEvent.type(screen.getByLabelText('Uživatelské jméno'), 'pracovnik1');
    await userEvent.type(screen.getByLabelText('Heslo'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Přihlásit se' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', message);
    expect(screen.getByLabelText('Uživatelské jméno')).toHaveProperty('value', 'pracovnik1');
  });
});

describe('LoginPage and another user\u2019s unsent work', () => {
  it('explains why it refuses to sign in someone else', async () => {
    renderLogin(vi.fn(async () => Promise.reject(new OtherUserPendingError('Tereza Terénní'))));
    await userEvent.type(screen.getByLabelText('Uživatelské jméno'), 'pracovnik2');
    await userEvent.type(screen.getByLabelText('Heslo'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Přihlásit se' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'V zařízení jsou neodeslané změny uživatele Tereza Terénní. Přihlaste se nejdřív jako Tereza Terénní a nechte je odeslat.',
    );
  });
});
