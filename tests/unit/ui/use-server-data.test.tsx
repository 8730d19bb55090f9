import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useServerData } from '../../../src/widgets/use-server-data';
import { renderScreen } from './render';

/** An answer the test gives when it chooses. */
const deferred = <T,>() => {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

type Asked = { key: string; answer: ReturnType<typeof deferred<string>> };

const Reader = ({ asked }: { asked: Asked[] }) => {
  const [key, setKey] = useState('a');
  const shown = useServerData(() => {
    const answer = deferred<string>();
    asked.push({ key, answer });
    return answer.promise;
  }, key);
  return (
    <div>
      <p data-testid="data">{shown.data ?? '-'}</p>
      <p data-testid="state">{shown.loading ? 'loading' : shown.failure ? 'failed' : 'ready'}</p>
      <button type="button" onClick={() => setKey('b')}>
        b
      </button>
      <button type="button" onClick={shown.reload}>
        again
      </button>
    </div>
  );
};

describe('useServerData', () => {
  afterEach(() => cleanup());

  it('never lets a slow answer to an older question replace a newer one', async () => {
    const asked: Asked[] = [];
    renderScreen(<Reader asked={asked} />);
    await userEvent.click(screen.getByRole('button', { name: 'b' }));
    await waitFor(() => expect(asked.map((a) => a.key)).toEqual(['a', 'b']));
    await act(async () => asked[1]?.answer.resolve('for b'));
    await act(async () => asked[0]?.answer.resolve('for a'));
    expect(screen.getByTestId('data').textContent).toBe('for b');
    expect(screen.getByTestId('state').textContent).toBe('ready');
  });

  it('keeps what it showed when a reload fails, and says it failed', async () => {
    const asked: Asked[] = [];
    renderScreen(<Reader asked={asked} />);
    await act(async () => asked[0]?.answer.resolve('first'));
    await userEvent.click(screen.getByRole('button', { name: 'again' }));
    expect(screen.getByTestId('state').textContent).toBe('loading');
    await act(async () => asked[1]?.answer.reject(new TypeError('Failed to fetch')));
    expect(screen.getByTestId('data').textContent).toBe('first');
    expect(screen.getByTestId('state').textContent).toBe('failed');
  });
});
