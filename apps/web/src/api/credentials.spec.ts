import { afterEach, describe, expect, it } from 'vitest';
import { clearApiKey, getApiKey, normalizeApiKey, onAuthRequired, reportAuthRequired, setApiKey, type AuthRequired } from './credentials.js';

describe('the API key of the tab', () => {
  afterEach(() => clearApiKey());

  it('is kept, replaced and forgotten (in memory where sessionStorage is missing, as here)', () => {
    expect(getApiKey()).toBeNull();
    setApiKey('icd10_a');
    expect(getApiKey()).toBe('icd10_a');
    setApiKey('icd10_b');
    expect(getApiKey()).toBe('icd10_b');
    clearApiKey();
    expect(getApiKey()).toBeNull();
  });

  it('takes a key as pasted: spaces and a Bearer prefix dropped', () => {
    expect(normalizeApiKey('  icd10_abc \n')).toBe('icd10_abc');
    expect(normalizeApiKey('Bearer icd10_abc')).toBe('icd10_abc');
    expect(normalizeApiKey('bearer   icd10_abc')).toBe('icd10_abc');
    expect(normalizeApiKey('   ')).toBe('');
  });

  it('tells every listener of a 401 until it stops listening', () => {
    const heard: AuthRequired[] = [];
    const stop = onAuthRequired((event) => heard.push(event));
    const event = { code: 'invalid_api_key', message: 'the API key is not valid', keyUsed: 'icd10_a' };
    reportAuthRequired(event);
    stop();
    reportAuthRequired(event);
    expect(heard).toEqual([event]);
  });
});
