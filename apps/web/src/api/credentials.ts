/**
 * The API key this tab uses, kept in sessionStorage: it lasts while the tab is open (reloads
 * included) and goes with it, and no other tab or later visit sees it. Never in localStorage or a
 * cookie, and never in a URL.
 */

const STORAGE_KEY = 'icd10.apiKey';

/** What a 401 said, for whoever shows the key prompt. */
export interface AuthRequired {
  /** The API's error code: `missing_api_key`, `invalid_api_key` or `revoked_api_key`. */
  code: string;
  message: string;
  /** The key the refused request carried (null: none), to tell a refusal of the current key from a stale one. */
  keyUsed: string | null;
}

type Listener = (event: AuthRequired) => void;
const listeners = new Set<Listener>();

/** sessionStorage may be unavailable (storage disabled): then the key lives in this page only. */
let fallback: string | null = null;

export function getApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return fallback;
  }
}

export function setApiKey(key: string): void {
  fallback = key;
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // kept in `fallback`
  }
}

export function clearApiKey(): void {
  fallback = null;
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

/** Calls `listener` for each answer 401; returns how to stop. */
export function onAuthRequired(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportAuthRequired(event: AuthRequired): void {
  for (const listener of listeners) listener(event);
}

/** A key as typed or pasted: surrounding spaces and a pasted `Bearer ` prefix dropped. */
export function normalizeApiKey(typed: string): string {
  return typed.trim().replace(/^Bearer\s+/i, '');
}
