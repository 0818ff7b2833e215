/** The start page: submit notes, and the worklist of recent jobs. */
import { el, replaceChildren } from '../dom.js';
import { mountJobList } from './job-list.js';
import { buildSubmitPanel } from './submit-panel.js';

export function mountHomePage(main: HTMLElement): () => void {
  document.title = 'Notes · ICD-10-CM review';
  const jobs = mountJobList();
  replaceChildren(
    main,
    el('h1', { class: 'visually-hidden' }, 'Notes'),
    el('div', { class: 'home-layout' }, buildSubmitPanel({ onSubmitted: jobs.refresh }), jobs.element),
  );
  return jobs.stop;
}
