import { describe, expect, it } from 'vitest';
import { draftWriter } from '../../../src/widgets/draft-writer';

/** A write that ends when the test says so. */
const slowStore = () => {
  const written: unknown[] = [];
  const waiting: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const write = (values: unknown) =>
    new Promise<void>((resolve) => {
      running++;
      most = Math.max(most, running);
      waiting.push(() => {
        written.push(values);
        running--;
        resolve();
      });
    });
  const finishOne = async () => {
    waiting.shift()?.();
    // Let the writer start the next write.
    await new Promise((r) => setTimeout(r, 0));
  };
  return { write, written, finishOne, most: () => most, pending: () => waiting.length };
};

describe('the draft writer', () => {
  it('writes at once, one write at a time, and then only the newest values', async () => {
    const store = slowStore();
    const writer = draftWriter(store.write);
    writer.write('a');
    expect(store.pending()).toBe(1);
    writer.write('ab');
    writer.write('abc');
    await store.finishOne();
    await store.finishOne();
    expect(store.written).toEqual(['a', 'abc']);
    expect(store.most()).toBe(1);
    expect(store.pending()).toBe(0);
  });

  it('writes again after it was idle', async () => {
    const store = slowStore();
    const writer = draftWriter(store.write);
    writer.write('a');
    await store.finishOne();
    writer.write('ab');
    await store.finishOne();
    expect(store.written).toEqual(['a', 'ab']);
  });

  it('on stop drops what waits and resolves once the write under way has ended', async () => {
    const store = slowStore();
    const writer = draftWriter(store.write);
    writer.write('a');
    writer.write('ab');
    let stopped = false;
    const stop = writer.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(stopped).toBe(false);
    await store.finishOne();
    await stop;
    expect(stopped).toBe(true);
    expect(store.written).toEqual(['a']);
  });
});
