/** Shapes of the API's answers that the UI reads (see /openapi.json); the contracts cover the rest. */
import type { DetectionResult } from '@icd/contracts';

export type JobStatus = 'queued' | 'active' | 'completed' | 'failed';

export interface JobReceipt {
  id: string;
  status: JobStatus;
}

export interface JobView {
  id: string;
  status: JobStatus;
  progress: number;
  createdAt: string;
  finishedAt: string | null;
  externalId?: string;
  result?: DetectionResult;
  error?: { code: string; message: string };
}

export interface JobListEntry {
  id: string;
  status: JobStatus;
  createdAt: string;
  finishedAt: string | null;
  externalId?: string;
  codeCount?: number;
  review: { decisions: number; updatedAt: string | null } | null;
}

export interface JobDocument {
  id: string;
  externalId?: string;
  text: string;
}

export interface CodeSummary {
  code: string;
  title: string;
  billable: boolean;
}

export interface SeventhCharacter {
  char: string;
  description: string;
}

/** Tabular List notes; every kind is optional. */
export type TabularNotes = Partial<Record<'inclusionTerms' | 'includes' | 'excludes1' | 'excludes2' | 'codeFirst' | 'useAdditionalCode' | 'codeAlso' | 'notes', string[]>>;

export interface CodeRecord extends CodeSummary {
  parent: CodeSummary | null;
  children: CodeSummary[];
  chapter: { number: string; title: string } | null;
  section: { id: string; title: string } | null;
  notes: TabularNotes;
  inheritedNotes: { from: string; notes: TabularNotes }[];
  seventhCharacters: SeventhCharacter[];
  indexEntries: { source: 'index' | 'eindex'; path: { title: string; nemod: string }[]; writtenCode: string }[];
  tableCells: { table: 'neoplasm' | 'drug'; path: string[]; column: string; writtenCode: string }[];
}

export interface CodeSearchHit extends CodeSummary {
  score: number;
  matched: { source: 'title' | 'inclusion' | 'index'; text: string };
}
