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
export { findSourceFiles, sourceKindOf, type FoundSource } from './lib/source-files.js';
export {
  fetchRelease,
  DEFAULT_FETCH_TIMEOUT_MS,
  type FetchReleaseOptions,
  type FetchReleaseResult,
  type DownloadedZip,
  type InstalledFile,
} from './lib/release/fetch-release.js';
export {
  readReleaseManifest,
  parseReleaseManifest,
  resolveManifestPath,
  defaultManifestPath,
  type ReleaseManifest,
  type ReleaseFile,
} from './lib/release/release-manifest.js';
export {
  ReleaseFetchError,
  type ReleaseFetchFailure,
  type FetchProgress,
  type FetchProgressListener,
} from './lib/release/fetch-events.js';
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
