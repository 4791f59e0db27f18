import { useEffect, useState } from 'react';

export const pages = [
  'overview',
  'history',
  'statement',
  'scenario',
  'loans',
  'audit',
  'watch',
  'factors',
  'positions',
  'users',
  'cycle',
] as const;
export type Page = (typeof pages)[number];

/** Where the dashboard is: "#/<deal>/<page>[/<date>]", e.g. "#/nchet-2002-1/statement/2002-04-25". */
export interface Route {
  dealId: string | undefined;
  page: Page;
  date: string | undefined;
}

export function parseRoute(hash: string): Route {
  const [dealId, page, date] = hash.replace(/^#\/?/, '').split('/');
  return {
    dealId: dealId || undefined,
    page: (pages as readonly string[]).includes(page ?? '') ? (page as Page) : 'overview',
    date: date || undefined,
  };
}

export function href(route: Partial<Route> & { dealId: string }): string {
  return `#/${route.dealId}/${route.page ?? 'overview'}${route.date ? `/${route.date}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
