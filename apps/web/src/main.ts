import './styles/base.css';
import './styles/home.css';
import './styles/review.css';
import './styles/codes.css';
import { mountKeyPrompt } from './auth/key-prompt.js';
import { mountCodesPage } from './codes/codes-page.js';
import { el, replaceChildren } from './dom.js';
import { mountHomePage } from './home/home-page.js';
import { mountReviewPage } from './review/review-page.js';
import { navigate, startRouter, type Route } from './router.js';

/** What a page leaves running (polling, key handlers) is stopped through this when another is shown. */
type Unmount = () => void;

const main = document.getElementById('main') as HTMLElement;
let unmountCurrent: Unmount | undefined;
let firstRoute = true;

function mount(route: Route): Unmount {
  switch (route.name) {
    case 'home':
      return mountHomePage(main);
    case 'review':
      return mountReviewPage(main, route.jobId);
    case 'codes':
      return mountCodesPage(main, route.code, route.query);
    default:
      document.title = 'Not found · ICD-10-CM review';
      replaceChildren(main, el('h1', {}, 'Page not found'), el('p', {}, el('a', { attrs: { href: '/' } }, 'Back to the notes')));
      return () => undefined;
  }
}

function markCurrentNav(route: Route): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    const current = (link.dataset.nav === 'home' && (route.name === 'home' || route.name === 'review')) || link.dataset.nav === route.name;
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

// A key entered or forgotten: the page shown is loaded again, its requests now carrying the key.
mountKeyPrompt(document.querySelector('.app-header') as HTMLElement, () => navigate(location.pathname + location.search, { replace: true }));

startRouter((route) => {
  unmountCurrent?.();
  main.replaceChildren();
  markCurrentNav(route);
  unmountCurrent = mount(route);
  // After in-app navigation, screen readers and keyboards start at the new content, not the old link.
  if (!firstRoute) main.focus({ preventScroll: false });
  firstRoute = false;
  window.scrollTo(0, 0);
});
