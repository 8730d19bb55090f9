import type { ReactNode } from 'react';

/**
 * A wide table's own scrolling box: focusable and named, so a keyboard can scroll it too
 * (WCAG 2.1.1; axe-core's scrollable-region-focusable).
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
    {children}
  </div>
);
