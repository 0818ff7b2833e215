import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hasOrderFile } from './source-files.js';

const WORKSPACE_PACKAGE = 'icd10cm-assistant';

/** The folder holding this project's package.json, searched upwards from `start`; `start` when none. */
export function findWorkspaceRoot(start = process.cwd()): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === WORKSPACE_PACKAGE) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start);
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** Where `npm run terminology:fetch` puts the CDC release, and the first place looked for it. */
export function defaultDataDir(root = findWorkspaceRoot()): string {
  return path.join(root, 'data', 'icd10cm');
}

export interface DataDirChoice {
  dir: string;
  /** How it was chosen, for the start-up message. */
  origin: 'ICD10CM_DATA_DIR' | 'option' | 'default' | 'shared';
}

/**
 * The folder to read the CDC files from: an explicit option, else `ICD10CM_DATA_DIR`, else the
 * default folder when it holds a release, else a `shared/icd10cm` folder beside the checkout.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): DataDirChoice {
  if (explicit) return { dir: path.resolve(explicit), origin: 'option' };
  if (env.ICD10CM_DATA_DIR) return { dir: path.resolve(env.ICD10CM_DATA_DIR), origin: 'ICD10CM_DATA_DIR' };
  const root = findWorkspaceRoot();
  const fallback = path.resolve(root, '..', 'shared', 'icd10cm');
  if (!hasOrderFile(defaultDataDir(root)) && hasOrderFile(fallback)) return { dir: fallback, origin: 'shared' };
  return { dir: defaultDataDir(root), origin: 'default' };
}

/** Where compiled artifacts are kept: `ICD10CM_CACHE_DIR`, else `.cache/terminology` in the workspace. */
export function resolveCacheDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.ICD10CM_CACHE_DIR) return path.resolve(env.ICD10CM_CACHE_DIR);
  return path.join(findWorkspaceRoot(), '.cache', 'terminology');
}
