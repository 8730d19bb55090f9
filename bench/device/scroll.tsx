/**
 * Renders the app's own caseload list (virtualised) with the rows of loadCaseload and
 * scrolls it to the end, one step per animation frame, timing the frames.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { CaseloadRow } from '../../src/data/queries/caseload';
import { CaseloadList } from '../../src/features/caseload/CaseloadList';
import '../../src/i18n/i18n';
import '../../src/ui/styles.css';
import { median, now, quantile } from '../lib/stats';
import type { ScrollResult } from './api';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const frameTimes = async (count: number): Promise<number[]> => {
  const times: number[] = [];
  let last = await frame();
  for (let i = 0; i < count; i++) {
    const t = await frame();
    times.push(t - last);
    last = t;
  }
  return times;
};

export const measureScroll = async (rows: CaseloadRow[]): Promise<ScrollResult> => {
  const idle = await frameTimes(60);
  const host = document.getElementById('root') as HTMLElement;
  const root = createRoot(host);
  const started = now();
  flushSync(() =>
    root.render(
      // The app's links (wouter) need no router around them: the page's own location serves.
      <main className="page">
        <CaseloadList rows={rows} quickContact={() => undefined} />
      </main>,
    ),
  );
  await frame();
  const firstRenderMs = now() - started;
  // A brisk fling: 800 px per frame until the end of the list (at most 2,000 frames).
  const end = () => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
  const times: number[] = [];
  let last = await frame();
  for (let i = 0; i < 2000 && !end(); i++) {
    window.scrollBy(0, 800);
    const t = await frame();
    times.push(t - last);
    last = t;
  }
  const reachedEnd = end();
  root.unmount();
  return {
    rows: rows.length,
    firstRenderMs,
    frames: times.length,
    frameP50: median(times),
    frameP95: quantile(times, 0.95),
    frameMax: Math.max(...times),
    idleP50: median(idle),
    idleP95: quantile(idle, 0.95),
    reachedEnd,
  };
};
