import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultCodiEspRoot,
  parseCodiEspSplit,
  parseGoldTsv,
  readCodiEspGold,
  readCodiEspSplit,
} from './codiesp-corpus.js';

describe('parseCodiEspSplit', () => {
  it('accepts train, dev and background', () => {
    expect(['train', 'dev', 'background'].map(parseCodiEspSplit)).toEqual(['train', 'dev', 'background']);
  });

  it('refuses any other split, naming the allowed ones', () => {
    expect(() => parseCodiEspSplit('test')).toThrow('unknown CodiEsp split "test": expected one of train, dev, background');
    expect(() => parseCodiEspSplit('../dev')).toThrow(/unknown CodiEsp split/);
  });
});

describe('parseGoldTsv', () => {
  it('groups normalised codes by document, ignoring blank lines and CRLF', () => {
    const gold = parseGoldTsv('d1\te11.9\r\nd1\tw19.xxxa\n\nd2\tr52\nd1\tE11.9\n');
    expect(gold).toEqual(new Map([['d1', new Set(['E11.9', 'W19.XXXA'])], ['d2', new Set(['R52'])]]));
  });

  it('names the malformed line', () => {
    expect(() => parseGoldTsv('d1\te11.9\nd2 r52\n')).toThrow(/gold line 2/);
  });
});

describe('defaultCodiEspRoot', () => {
  it('prefers CODIESP_DIR', () => {
    expect(defaultCodiEspRoot({ CODIESP_DIR: '/data/codiesp' })).toBe(path.resolve('/data/codiesp'));
  });

  it('otherwise looks beside the workspace checkout', () => {
    const workspaceRoot = path.resolve(import.meta.dirname, '../../../..');
    expect(defaultCodiEspRoot({})).toBe(path.resolve(workspaceRoot, '..', 'shared', 'codiesp'));
  });
});

describe('readCodiEspSplit on a small corpus', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'codiesp-'));
    for (const split of ['dev', 'background']) await mkdir(path.join(root, split, 'text_files_en'), { recursive: true });
    await writeFile(path.join(root, 'dev', 'text_files_en', 'S2.txt'), 'Second case.\n');
    await writeFile(path.join(root, 'dev', 'text_files_en', 'S1.txt'), 'First case.\n');
    await writeFile(path.join(root, 'dev', 'text_files_en', 'notes.md'), 'not a case');
    await writeFile(path.join(root, 'dev', 'devD.tsv'), 'S1\ti10\nS2\ts72.001a\nS2\tr52\n');
    await writeFile(path.join(root, 'background', 'text_files_en', 'B1.txt'), 'Background case.\n');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reads the texts sorted by id and the normalised gold', async () => {
    const dev = await readCodiEspSplit('dev', root);
    expect(dev.split).toBe('dev');
    expect(dev.documents).toEqual([
      { id: 'S1', text: 'First case.\n' },
      { id: 'S2', text: 'Second case.\n' },
    ]);
    expect(dev.gold).toEqual(new Map([['S1', new Set(['I10'])], ['S2', new Set(['S72.001A', 'R52'])]]));
  });

  it('reads background without gold', async () => {
    const background = await readCodiEspSplit('background', root);
    expect(background.documents.map((document) => document.id)).toEqual(['B1']);
    expect(background.gold).toBeNull();
    await expect(readCodiEspGold('background', root)).rejects.toThrow('has no gold codes');
  });

  it('refuses other splits before touching the disk', async () => {
    await expect(readCodiEspSplit('test', root)).rejects.toThrow(/unknown CodiEsp split "test"/);
  });
});

const sharedRoot = defaultCodiEspRoot();

describe.skipIf(!existsSync(path.join(sharedRoot, 'dev', 'devD.tsv')))('the shared CodiEsp dev split', () => {
  it('has the documented 250 documents and 2,677 gold rows, all with text', async () => {
    const dev = await readCodiEspSplit('dev', sharedRoot);
    const gold = dev.gold ?? new Map<string, Set<string>>();
    expect(dev.documents).toHaveLength(250);
    expect([...gold.values()].reduce((total, codes) => total + codes.size, 0)).toBe(2677);
    const ids = new Set(dev.documents.map((document) => document.id));
    expect([...gold.keys()].filter((id) => !ids.has(id))).toEqual([]);
    for (const codes of gold.values()) for (const code of codes) expect(code).toMatch(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
  });
});
