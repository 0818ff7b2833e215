/** Paste a note, or drop .txt files: each becomes one job, coded for the encounter setting chosen. */
import type { EncounterSetting } from '@icd/contracts';
import { ApiError, submitNote } from '../api/client.js';
import { el, replaceChildren } from '../dom.js';
import { navigate } from '../router.js';

export interface SubmitPanelOptions {
  /** Called once files were submitted, so the job list shows them at once. */
  onSubmitted(): void;
}

const MAX_LABEL_LENGTH = 256;

export function buildSubmitPanel({ onSubmitted }: SubmitPanelOptions): HTMLElement {
  const status = el('div', { class: 'submit-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const report = (...lines: string[]) => replaceChildren(status, ...lines.map((line) => el('p', {}, line)));
  const setting = buildSettingChoice();
  return el(
    'section',
    { class: 'card submit-panel', attrs: { 'aria-labelledby': 'submit-heading' } },
    el('h2', { attrs: { id: 'submit-heading' } }, 'Submit a note'),
    setting.field,
    buildPasteForm(report, setting.value),
    buildDropZone(report, onSubmitted, setting.value),
    status,
  );
}

/**
 * The encounter setting, for pasted and dropped notes alike. It decides whether a probable or
 * suspected diagnosis is coded (inpatient, as established) or not (outpatient).
 */
function buildSettingChoice(): { field: HTMLElement; value: () => EncounterSetting } {
  const select = el(
    'select',
    { attrs: { id: 'note-setting', name: 'setting', 'aria-describedby': 'note-setting-hint' } },
    el('option', { attrs: { value: 'outpatient', selected: true } }, 'Outpatient'),
    el('option', { attrs: { value: 'inpatient' } }, 'Inpatient'),
  );
  const field = el(
    'div',
    { class: 'setting-field' },
    el('label', { attrs: { for: 'note-setting' } }, 'Encounter setting'),
    select,
    el('p', { class: 'hint', attrs: { id: 'note-setting-hint' } }, 'Inpatient codes a diagnosis called probable or suspected as if established; outpatient leaves it out.'),
  );
  return { field, value: () => (select.value === 'inpatient' ? 'inpatient' : 'outpatient') };
}

function buildPasteForm(report: (...lines: string[]) => void, setting: () => EncounterSetting): HTMLFormElement {
  const label = el('input', { attrs: { id: 'note-label', name: 'label', type: 'text', maxlength: MAX_LABEL_LENGTH, autocomplete: 'off', 'aria-describedby': 'note-label-hint' } });
  const text = el('textarea', { attrs: { id: 'note-text', name: 'text', rows: 9, required: true, spellcheck: false } });
  const submit = el('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Code this note');
  const form = el(
    'form',
    { class: 'paste-form' },
    el('label', { attrs: { for: 'note-text' } }, 'Note text'),
    text,
    el('label', { attrs: { for: 'note-label' } }, 'Label ', el('span', { class: 'optional' }, '(optional)')),
    el('p', { class: 'hint', attrs: { id: 'note-label-hint' } }, 'Shown in the list instead of the text, e.g. an encounter number.'),
    label,
    el('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!text.value.trim()) return report('The note is empty.');
    submit.disabled = true;
    report('Submitting…');
    try {
      const job = await submitNote(text.value, label.value.trim() || undefined, setting());
      navigate(`/review/${encodeURIComponent(job.id)}`);
    } catch (error) {
      report(`Not submitted: ${messageOf(error)}`);
      submit.disabled = false;
    }
  });
  return form;
}

function buildDropZone(report: (...lines: string[]) => void, onSubmitted: () => void, setting: () => EncounterSetting): HTMLElement {
  const input = el('input', { class: 'visually-hidden', attrs: { id: 'note-files', type: 'file', multiple: true, accept: '.txt,text/plain' } });
  const zone = el(
    'div',
    { class: 'dropzone', attrs: { 'data-dropzone': true } },
    el('p', {}, 'Drop .txt files here, one note per file, or'),
    el('label', { class: 'button', attrs: { for: 'note-files' } }, 'Choose files…'),
    input,
  );
  const submitAll = async (files: File[]) => {
    report(`Submitting ${files.length} file${files.length === 1 ? '' : 's'}…`);
    report(...(await submitFiles(files, setting())));
    onSubmitted();
  };
  input.addEventListener('change', () => {
    if (input.files?.length) void submitAll([...input.files]).finally(() => (input.value = ''));
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-over');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) void submitAll(files);
  });
  return zone;
}

/** One line per file: submitted, skipped or refused, in the order given. */
async function submitFiles(files: File[], setting: EncounterSetting): Promise<string[]> {
  const lines: string[] = [];
  for (const file of files) {
    if (!/\.txt$/i.test(file.name) && file.type !== 'text/plain') {
      lines.push(`${file.name}: skipped, not a .txt file`);
      continue;
    }
    try {
      await submitNote(await file.text(), file.name.slice(0, MAX_LABEL_LENGTH), setting);
      lines.push(`${file.name}: submitted`);
    } catch (error) {
      lines.push(`${file.name}: not submitted, ${messageOf(error)}`);
    }
  }
  return lines;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'the server could not be reached';
}
