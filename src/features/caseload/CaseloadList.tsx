import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { CaseloadRow } from '../../data/queries/caseload';
import { useDistricts } from '../../widgets/districts';
import { CaseloadItem } from './CaseloadItem';

/**
 * The caseload, virtualised: only the rows near the screen are in the DOM, so a caseload of
 * thousands of households scrolls as smoothly as one of ten.
 */
export const CaseloadList = ({
  rows,
  quickContact,
  holderName,
}: {
  rows: CaseloadRow[];
  quickContact: (row: CaseloadRow) => void;
  /** For a supervisor: who holds each case. */
  holderName?: ((workerId: string) => string) | undefined;
}) => {
  const list = useRef<HTMLUListElement>(null);
  // Read once for the list, not once per row.
  const districts = useDistricts();
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset(list.current?.offsetTop ?? 0);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => 104,
    overscan: 6,
    scrollMargin: offset,
    getItemKey: (i) => rows[i]?.household.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  return (
    <ul
      ref={list}
      className="case-list"
      data-testid="caseload"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {items.map((item) => {
        const row = rows[item.index];
        return row ? (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="case-list__slot"
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <CaseloadItem
              row={row}
              districtName={districts.name}
              quickContact={quickContact}
              holderName={holderName}
            />
          </li>
        ) : null;
      })}
    </ul>
  );
};
