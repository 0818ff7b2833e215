export { PHI_TYPES, isPhiType, placeholderFor } from './lib/redaction/phi-types.js';
export type { PhiSpan, PhiType, RedactedSpan, TextSpan } from './lib/redaction/phi-types.js';
export {
  DEFAULT_PATTERN_FILE,
  applyRedactions,
  createRedactor,
  loadDefaultPhiPatterns,
  redactPhi,
} from './lib/redaction/redact.js';
export type { RedactOptions, RedactionResult, Redactor } from './lib/redaction/redact.js';
export { mapOffset, mapRedactedOffset, mapRedactedSpan, mapSpan } from './lib/redaction/offsets.js';
export type { OffsetBias } from './lib/redaction/offsets.js';
export {
  NameLexiconSchema,
  PatternFileError,
  PhiPatternFileSchema,
  PhiRuleSchema,
  parsePhiPatterns,
  readPhiPatterns,
} from './lib/redaction/pattern-file.js';
export type { NameLexicon, PhiPatternFile, PhiRule } from './lib/redaction/pattern-file.js';
export { describeBacktrackingRisk } from './lib/redaction/pattern-safety.js';
export { EncryptionError, createCipher } from './lib/encryption/cipher.js';
export type {
  Cipher,
  CipherOptions,
  EncryptionErrorCode,
  EncryptionKey,
  SealOptions,
} from './lib/encryption/cipher.js';
export { deriveKeyId, generateEncryptionKey, parseEncryptionKeys } from './lib/encryption/keys.js';
export type { EncryptionEnv } from './lib/encryption/keys.js';
export { INSECURE_DEV_KEY_VARIABLE, describeEncryptionSettings, loadEncryptionSettings } from './lib/encryption/key-settings.js';
export type { EncryptionSettings, EncryptionSettingsEnv } from './lib/encryption/key-settings.js';
export { createRecordSealer } from './lib/encryption/record-sealer.js';
export type { FieldBinding, RecordSealer } from './lib/encryption/record-sealer.js';
