import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileTerminology, loadTerminology, TerminologyDataError } from './load-terminology.js';
import { findSourceFiles } from './source-files.js';

function orderLine(order: number, code: string, billable: 0 | 1, title: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable} ${title.slice(0, 60).padEnd(60)} ${title}`;
}

const ORDER_2026 = [
  orderLine(1, 'E11', 0, 'Type 2 diabetes mellitus'),
  orderLine(2, 'E112', 0, 'Type 2 diabetes mellitus with kidney complications'),
  orderLine(3, 'E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease'),
  orderLine(4, 'E119', 1, 'Type 2 diabetes mellitus without complications'),
  orderLine(5, 'R51', 0, 'Headache'),
  orderLine(6, 'R519', 1, 'Headache, unspecified'),
].join('\r\n');

const TABULAR_2021 = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular><version>2021</version>
<chapter><name>4</name><desc>Endocrine, nutritional and metabolic diseases (E00-E89)</desc>
<section id="E08-E13"><desc>Diabetes mellitus (E08-E13)</desc>
<diag><name>E11</name><desc>Type 2 diabetes mellitus</desc>
<excludes1><note>type 1 diabetes mellitus (E10.-)</note></excludes1>
<diag><name>E11.9</name><desc>Type 2 diabetes mellitus without complications</desc></diag>
</diag></section></chapter>
<chapter><name>18</name><desc>Symptoms, signs and abnormal clinical and laboratory findings (R00-R99)</desc>
<section id="R50-R69"><desc>General symptoms and signs (R50-R69)</desc>
<diag><name>R51</name><desc>Headache</desc><inclusionTerm><note>Facial pain NOS</note></inclusionTerm></diag>
</section></chapter>
</ICD10CM.tabular>`;

const INDEX_2017 = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.index><version>2017</version><title>Index</title>
<letter><title>D</title>
<mainTerm><title>Diabetes, diabetic<nemod>(mellitus) (sugar)</nemod></title><code>E11.9</code>
<term level="1"><title>type 2</title><code>E11.9</code>
<term level="2"><title>with</title>
<term level="3"><title>chronic kidney disease</title><code>E11.22</code></term></term></term></mainTerm>
</letter>
<letter><title>H</title><mainTerm><title>Headache</title><code>R51</code></mainTerm></letter>
</ICD10CM.index>`;

describe('loading the CDC files', () => {
  let root: string;
  let dataDir: string;
  let cacheDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'icd10-load-'));
    dataDir = path.join(root, 'data');
    cacheDir = path.join(root, 'cache');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'icd10cm_order_2026.txt'), ORDER_2026);
    writeFileSync(path.join(dataDir, 'icd10cm_tabular_2021.xml'), TABULAR_2021);
    writeFileSync(path.join(dataDir, 'icd10cm_index_2017.xml'), INDEX_2017);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds the artifact on first use and loads it afterwards', async () => {
    const events: string[] = [];
    const first = await compileTerminology({ dataDir, cacheDir, onProgress: (event) => events.push(event.phase) });
    expect(first.built).toBe(true);
    expect(events).toContain('build');
    const second = await compileTerminology({ dataDir, cacheDir });
    expect(second.built).toBe(false);
    expect(second.artifactPath).toBe(first.artifactPath);
    const terminology = await loadTerminology({ dataDir, cacheDir });
    expect(terminology.navigate('Diabetes', ['type 2', 'with', 'chronic kidney disease']).code).toBe('E11.22');
    expect(terminology.lookup('R51')?.notes.inclusionTerms).toEqual(['Facial pain NOS']);
    expect(terminology.navigate('Headache', []).billableCode).toBe('R51.9');
  });

  it('rebuilds when a source file changes', async () => {
    const first = await compileTerminology({ dataDir, cacheDir });
    writeFileSync(path.join(dataDir, 'icd10cm_order_2026.txt'), `${ORDER_2026}\r\n${orderLine(7, 'R52', 1, 'Pain, unspecified')}`);
    const second = await compileTerminology({ dataDir, cacheDir });
    expect(second.built).toBe(true);
    expect(second.artifactPath).not.toBe(first.artifactPath);
    expect(second.model.codes).toHaveLength(7);
  });

  it('writes the bridge report beside the artifact', async () => {
    const outcome = await compileTerminology({ dataDir, cacheDir });
    expect(readFileSync(outcome.reportPath, 'utf8').split('\n')[0]).toBe('code\tsource');
    expect(readdirSync(cacheDir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('takes the newest file of each kind, in CDC release folders and either naming', () => {
    const release = path.join(dataDir, 'icd10cm-Code Descriptions-2027');
    mkdirSync(release);
    writeFileSync(path.join(release, 'icd10cm-order-2027.txt'), ORDER_2026);
    writeFileSync(path.join(dataDir, 'icd10cm_order_addenda_2026.txt'), '');
    const found = findSourceFiles(dataDir);
    expect(found.order?.year).toBe(2027);
    expect(found.order?.path).toBe(path.join(release, 'icd10cm-order-2027.txt'));
    expect(found.addenda?.year).toBe(2026);
    expect(found.tabular?.year).toBe(2021);
    expect(found.index?.year).toBe(2017);
    expect(found.drug).toBeUndefined();
  });

  it('says what is missing when the folder has no order file', async () => {
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    await expect(loadTerminology({ dataDir: empty, cacheDir })).rejects.toThrow(TerminologyDataError);
    await expect(loadTerminology({ dataDir: empty, cacheDir })).rejects.toThrow(/ICD10CM_DATA_DIR.*terminology:fetch/);
  });

  it('reports a malformed source file and writes no artifact', async () => {
    writeFileSync(path.join(dataDir, 'icd10cm_tabular_2021.xml'), '<ICD10CM.tabular><chapter>');
    await expect(compileTerminology({ dataDir, cacheDir })).rejects.toThrow(/Tabular/);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir).filter((file) => file.startsWith('terminology-')) : []).toEqual([]);
  });
});
