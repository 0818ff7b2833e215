export { Terminology, type TerminologyVersion } from './lib/terminology.js';
export {
  loadTerminology,
  compileTerminology,
  TerminologyDataError,
  type LoadOptions,
  type LoadProgress,
  type CompileOutcome,
} from './lib/load-terminology.js';
export { resolveDataDir, resolveCacheDir, defaultDataDir, findWorkspaceRoot, type DataDirChoice } from './lib/data-dir.js';
export { findSourceFiles, type FoundSource } from './lib/source-files.js';
export { normalizeCode, formatCode } from './lib/code.js';
export { searchTerms, stemTerm } from './lib/search-terms.js';
export type {
  CodeRecord,
  CodeSummary,
  IndexEntry,
  IndexPathStep,
  InheritedNotes,
  InvalidReason,
  NavigationOutcome,
  SearchHit,
  SearchOptions,
  TableCellEntry,
  ValidationResult,
} from './lib/public-types.js';
export type { BillableResolution, ResolutionStep } from './lib/version-bridge.js';
export type { CompiledTerminology, CompiledCode, BridgedCode, UnplacedCode, SourceFileInfo, SourceKind } from './lib/model-types.js';
export type { IndexTerm, TabularNotes, SeventhCharacter, TableData, TableRow } from './lib/sources/source-types.js';
