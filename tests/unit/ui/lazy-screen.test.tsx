import { screen } from '@testing-library/react';
import { lazy } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScreen } from '../../../src/ui/lazy-screen';
import { ScreenBoundary } from '../../../src/app/ScreenBoundary';
import { renderScreen, resetAppDb } from './render';

afterEach(resetAppDb);

/** A screen whose code a deploy removed reloads the new version, once. */
describe('loading a screen after a deploy', () => {
  const world = (online = true) => {
    const kept = new Map<string, string>();
    let now = 1_000_000;
    const env = {
      reloads: 0,
      reload: () => env.reloads++,
      online: () => online,
      now: () => now,
      store: {
        getItem: (k: string) => kept.get(k) ?? null,
        setItem: (k: string, v: string) => void kept.set(k, v),
      },
      later: (ms: number) => (now += ms),
    };
    return env;
  };
  const missing = () =>
    Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

  it('gives the screen when its code loads', async () => {
    const env = world();
    await expect(loadScreen(async () => 'screen', env)).resolves.toBe('screen');
    expect(env.reloads).toBe(0);
  });

  it('reloads the page once when the code is gone, and shows the error if it fails again', async () => {
    const env = world();
    void loadScreen(missing, env);
    await Promise.resolve();
    await Promise.resolve();
    expect(env.reloads).toBe(1);
    // Right after that reload the file is still missing: not a deploy, no reload loop.
    env.later(5_000);
    await expect(loadScreen(missing, env)).rejects.toBeInstanceOf(TypeError);
    expect(env.reloads).toBe(1);
    // A later deploy reloads again.
    env.later(60_000);
    void loadScreen(missing, env);
    await new Promise((r) => setTimeout(r, 0));
    expect(env.reloads).toBe(2);
  });

  it('never reloads offline, where a reload would show nothing', async () => {
    const env = world(false);
    await expect(loadScreen(missing, env)).rejects.toBeInstanceOf(TypeError);
    expect(env.reloads).toBe(0);
  });
});

describe('a screen that cannot load', () => {
  it('says so in Czech instead of a blank app', async () => {
    const Broken = lazy(() => Promise.reject(new TypeError('Failed to fetch')));
    const quiet = console.error;
    console.error = () => undefined; // React reports the caught error; it is expected here
    try {
      renderScreen(
        <ScreenBoundary fallback={<p>Načítám…</p>}>
          <Broken />
        </ScreenBoundary>,
      );
      expect((await screen.findByRole('alert')).textContent).toContain(
        'Tuto obrazovku se nepodařilo načíst',
      );
      expect(screen.getByRole('button', { name: 'Zkusit znovu' })).toBeTruthy();
    } finally {
      console.error = quiet;
    }
  });
});
