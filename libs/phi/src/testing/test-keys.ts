/**
 * Encryption keys for test harnesses only: public (they are in this file), so nothing sealed with
 * them is protected. Tests pass them to the API and workers the way a deployment passes its own.
 */

/** `ENCRYPTION_KEY` of test processes. */
export const TEST_ENCRYPTION_KEY = 'xLG85RQZjEVT4y4DUcOFQHiJI+qcs2c255J/Mcl9+Bo=';

/** A second key, for rotation tests: the key that comes after {@link TEST_ENCRYPTION_KEY}. */
export const TEST_NEXT_ENCRYPTION_KEY = 'USdQhLpv7gh6WAZZtY4SnR+dbQIXUv1fmuWmlSmU0Zc=';
