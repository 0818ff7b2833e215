/** Client-side routes; the API serves the same page for each, and this decides what it shows. */

export type Route =
  | { name: 'home' }
  | { name: 'review'; jobId: string }
  | { name: 'codes'; code?: string; query?: string }
  | { name: 'not-found' };

export function parseRoute(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  const review = /^\/review\/([^/]+)$/.exec(path);
  if (review) return { name: 'review', jobId: decodeURIComponent(review[1]) };
  const codes = /^\/codes(?:\/([^/]+))?$/.exec(path);
  if (codes) return { name: 'codes', code: codes[1] && decodeURIComponent(codes[1]), query: url.searchParams.get('q') ?? undefined };
  return { name: 'not-found' };
}

type Listener = (route: Route) => void;
let listener: Listener = () => undefined;

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listener(parseRoute(new URL(location.href)));
}

/** Follows back/forward and same-origin link clicks, calling `onRoute` for each route shown. */
export function startRouter(onRoute: Listener): void {
  listener = onRoute;
  window.addEventListener('popstate', () => onRoute(parseRoute(new URL(location.href))));
  document.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (anchor.target || anchor.hasAttribute('download') || anchor.hasAttribute('data-external')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || parseRoute(url).name === 'not-found') return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  onRoute(parseRoute(new URL(location.href)));
}
