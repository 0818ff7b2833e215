/**
 * The API key prompt: a modal dialog that opens when the API answers 401, and from the header's
 * "API key" button. The key goes to sessionStorage (see credentials.ts); once one is entered or
 * forgotten, the page shown is loaded again so that its requests carry it.
 */
import { clearApiKey, getApiKey, normalizeApiKey, onAuthRequired, setApiKey, type AuthRequired } from '../api/credentials.js';
import { el } from '../dom.js';

const ASK = 'This server asks for an API key. Enter the key you were given.';

interface KeyDialog {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  reason: HTMLElement;
  input: HTMLInputElement;
  forget: HTMLButtonElement;
  cancel: HTMLButtonElement;
}

function buildKeyDialog(): KeyDialog {
  const reason = el('p', { class: 'key-reason', attrs: { role: 'alert' } });
  const input = el('input', { attrs: { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'api-key-hint' } });
  const forget = el('button', { class: 'button', attrs: { type: 'button' } }, 'Forget key');
  const cancel = el('button', { class: 'button', attrs: { type: 'button' } }, 'Cancel');
  const form = el(
    'form',
    { class: 'key-form' },
    el('label', { attrs: { for: 'api-key' } }, 'API key'),
    input,
    el('p', { class: 'hint', attrs: { id: 'api-key-hint' } }, 'Kept in this browser tab only, until it is closed, and sent with each request to this server.'),
    el('div', { class: 'form-actions' }, el('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Use this key'), forget, cancel),
  );
  const dialog = el('dialog', { class: 'key-dialog', attrs: { 'aria-labelledby': 'key-dialog-title' } }, el('h2', { attrs: { id: 'key-dialog-title' } }, 'API key required'), reason, form);
  return { dialog, form, reason, input, forget, cancel };
}

export function mountKeyPrompt(header: HTMLElement, onKeyChanged: () => void): void {
  const { dialog, form, reason, input, forget, cancel } = buildKeyDialog();
  const opener = el('button', { class: 'header-button', attrs: { type: 'button', 'data-api-key': true } }, 'API key');
  header.append(el('div', { class: 'auth-control' }, opener), dialog);

  // Closed without a key: polling pages keep meeting 401, but only the button opens the prompt again.
  let dismissed = false;
  // The button shows once the server has asked for a key: a server in open local mode never does.
  let asked = getApiKey() !== null;
  const open = (message: string) => {
    reason.textContent = message;
    forget.hidden = getApiKey() === null;
    input.value = '';
    if (!dialog.open) dialog.showModal();
    input.focus();
  };
  const showKeyState = () => {
    opener.hidden = !asked;
    opener.dataset.hasKey = String(getApiKey() !== null);
    opener.textContent = getApiKey() === null ? 'API key' : 'API key: set';
  };
  const changeKey = (key: string | null) => {
    if (key === null) clearApiKey();
    else setApiKey(key);
    showKeyState();
    dismissed = key === null;
    dialog.close();
    onKeyChanged();
  };
  showKeyState();

  onAuthRequired((event: AuthRequired) => {
    // A request sent before the key changed: its refusal says nothing about the key now in use.
    if (event.keyUsed !== getApiKey()) return;
    asked = true;
    showKeyState();
    if (event.keyUsed !== null) {
      clearApiKey();
      showKeyState();
      dismissed = false;
      return open(`The key was not accepted: ${event.message}. Enter another key.`);
    }
    if (!dismissed && !dialog.open) open(ASK);
  });
  opener.addEventListener('click', () => open(getApiKey() === null ? ASK : 'A key is in use in this tab. Enter another to replace it, or forget it.'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = normalizeApiKey(input.value);
    if (key === '') return void (reason.textContent = 'Enter a key, or cancel.');
    changeKey(key);
  });
  forget.addEventListener('click', () => changeKey(null));
  cancel.addEventListener('click', () => dialog.close());
  // Closed without a key (cancel, Escape, forget): only the button opens it again.
  dialog.addEventListener('close', () => (dismissed = getApiKey() === null));
}
