import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SourceKind } from '../model-types.js';
import { ReleaseFetchError } from './fetch-events.js';

/** Every kind the loader reads; a mapped type so that a new `SourceKind` fails to compile here until listed. */
const SOURCE_KIND_VALUES: { [K in SourceKind]: K } = {
  order: 'order',
  addenda: 'addenda',
  tabular: 'tabular',
  index: 'index',
  eindex: 'eindex',
  neoplasm: 'neoplasm',
  drug: 'drug',
};

const ReleaseFileSchema = z
  .object({
    name: z.string().min(1),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    // The CDC publishes no checksums: null until a maintainer has downloaded, checked and pinned one.
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hexadecimal digits or null')
      .transform((hash) => hash.toLowerCase())
      .nullable(),
    yields: z.array(z.enum(SOURCE_KIND_VALUES)).min(1),
  })
  .strict();

const ReleaseManifestSchema = z
  .object({
    $comment: z.string().optional(),
    release: z.string().min(1),
    fiscalYear: z.number().int().min(2000).max(2100),
    page: z.url().optional(),
    files: z.array(ReleaseFileSchema).min(1),
  })
  .strict();

/** One zip of a release: where it is, the hash it must have, and which CDC files it should hold. */
export type ReleaseFile = z.infer<typeof ReleaseFileSchema>;

/** A CDC ICD-10-CM release as described by `libs/terminology/sources.json`. */
export type ReleaseManifest = z.infer<typeof ReleaseManifestSchema>;

/** The manifest shipped with the project: `libs/terminology/sources.json`. */
export function defaultManifestPath(): string {
  return fileURLToPath(new URL('../../../sources.json', import.meta.url));
}

/** The manifest to use: an explicit path, else `ICD10CM_RELEASE_MANIFEST`, else {@link defaultManifestPath}. */
export function resolveManifestPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.ICD10CM_RELEASE_MANIFEST) return path.resolve(env.ICD10CM_RELEASE_MANIFEST);
  return defaultManifestPath();
}

/**
 * Validates a parsed manifest. The error names each field at fault (`files.0.sha256: ...`) and
 * `source`, the file it came from.
 */
export function parseReleaseManifest(input: unknown, source = 'release manifest'): ReleaseManifest {
  const parsed = ReleaseManifestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new ReleaseFetchError('manifest', `${source}: invalid release manifest: ${problems.join('; ')}`);
}

/** Reads and validates a manifest file; see {@link parseReleaseManifest}. */
export async function readReleaseManifest(file: string): Promise<ReleaseManifest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ReleaseFetchError('manifest', `cannot read release manifest ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReleaseFetchError('manifest', `${file}: not valid JSON: ${(error as Error).message}`);
  }
  return parseReleaseManifest(json, file);
}
