import { beforeAll, describe, expect, it } from 'vitest';
import { IndexTree, LOOSE_RANK, STRICT_RANK, toPending } from './index-tree.js';
import { normalizedKey } from './index-title-matching.js';
import { readIndexXml } from './sources/read-index-xml.js';

const XML = `<ICD10CM.index><letter><title>D</title>
  <mainTerm><title>Diabetes, diabetic<nemod>(mellitus) (sugar)</nemod></title><code>E11.9</code>
    <term level="1"><title>with</title>
      <term level="2"><title>chronic kidney disease</title><code>E11.22</code></term>
    </term>
    <term level="1"><title>type 2</title><code>E11.9</code>
      <term level="2"><title>with</title>
        <term level="3"><title>chronic kidney disease</title><code>E11.22</code></term>
      </term>
    </term>
  </mainTerm>
  <mainTerm><title>Findings, abnormal, inconclusive, without diagnosis</title></mainTerm>
</letter></ICD10CM.index>`;

describe('IndexTree', () => {
  let tree: IndexTree;
  beforeAll(async () => {
    tree = new IndexTree((await readIndexXml(XML, 'index')).terms);
  });
  const pending = (...texts: string[]) => texts.map((text, order) => toPending(text, order));

  it('finds main terms by any word a query may start with', () => {
    expect(tree.mainIds).toEqual([0, 6]);
    expect(tree.mainTermsMatching(normalizedKey('sugar diabetes'), STRICT_RANK)).toEqual([[0, 2]]);
    expect(tree.mainTermsMatching(normalizedKey('Findings'), STRICT_RANK)).toEqual([]);
    expect(tree.mainTermsMatching(normalizedKey('Findings'), LOOSE_RANK)).toEqual([[6, 3]]);
  });

  it('offers each modifier once, direct subterms before subterms under a connector', () => {
    const steps = tree.candidateSteps(0, pending('chronic kidney disease', 'type 2'));
    expect(steps).toEqual([
      { ids: [3], used: [1] },
      { ids: [1, 2], used: [0] },
    ]);
  });

  it('uses up a connector the coder named along with the subterm under it', () => {
    expect(tree.candidateSteps(3, pending('with', 'chronic kidney disease'))).toEqual([
      { ids: [4, 5], used: [0, 1] },
      { ids: [4], used: [0] },
    ]);
  });

  it('settles leftovers: title parts are used, nemod words and bare connectors absorbed, `without` kept', () => {
    expect(tree.leftovers([6], pending('abnormal', 'without diagnosis'))).toEqual({ remaining: [], absorbed: 0 });
    const left = tree.leftovers([0], pending('mellitus', 'due to', 'without', 'banana'));
    expect(left.absorbed).toBe(2);
    expect(left.remaining.map((p) => p.text)).toEqual(['without', 'banana']);
  });

  it('strips a copied title instruction from a modifier', () => {
    expect(toPending('poorly controlled - code to Diabetes, by type', 0)).toMatchObject({ key: 'poorly controlled', connector: false });
  });
});
