import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';

/**
 * The routing the screens use, in one place (wouter: a router of a few kilobytes, so the
 * app starts fast on a cheap phone).
 */
export { Link, useParams } from 'wouter';

type Navigate = {
  (to: string, options?: { replace?: boolean }): void;
  /** Steps back (-1) or forward in the browser's history. */
  (delta: number): void;
};

export const useNavigate = (): Navigate => {
  const [, navigate] = useLocation();
  return useCallback(
    (to: string | number, options?: { replace?: boolean }) => {
      if (typeof to === 'number') window.history.go(to);
      else navigate(to, options);
    },
    [navigate],
  ) as Navigate;
};

export const useSearchParams = (): URLSearchParams => {
  const search = useSearch();
  return useMemo(() => new URLSearchParams(search), [search]);
};

export const usePathname = (): string => useLocation()[0];
