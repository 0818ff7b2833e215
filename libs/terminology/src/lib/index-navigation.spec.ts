import { beforeAll, describe, expect, it } from 'vitest';
import { createIndexNavigator, type IndexNavigator } from './index-navigation.js';
import { readIndexXml } from './sources/read-index-xml.js';
import type { IndexTerm } from './sources/source-types.js';

/**
 * Entries copied (trimmed) from the FY2017 Index, plus a few made-up ones where a behaviour needs a
 * shape the real file has only in bulk (`Ulcer`'s `without`, the `Ouroboros`/`Snake` loop, the
 * `Chain` of references).
 */
const INDEX_XML = `<ICD10CM.index><version>2017</version>
<letter><title>A</title>
  <mainTerm><title>Abdominalgia</title><see>Pain, abdominal</see></mainTerm>
  <mainTerm><title>Abscess<nemod>(connective tissue) (embolic)</nemod></title><code>L02.91</code>
    <term level="1"><title>gum</title><see>Peridontitis, aggressive, localized</see></term>
  </mainTerm>
  <mainTerm><title>Arthritis, arthritic<nemod>(acute) (chronic)</nemod></title><code>M19.90</code>
    <term level="1"><title>in</title>
      <term level="2"><title>infectious disease NEC</title><seecat>M01</seecat></term>
    </term>
  </mainTerm>
  <mainTerm><title>Arthralgia<nemod>(allergic)</nemod></title><seeAlso>Pain, abdominal</seeAlso>
    <term level="1"><title>in caisson disease</title><code>T70.3</code></term>
  </mainTerm>
  <mainTerm><title>Atrophy</title><code>M62.50</code>
    <term level="1"><title>made-up</title><seeAlso>Nowhere, at all</seeAlso></term>
  </mainTerm>
  <mainTerm><title>Attack, attacks</title>
    <term level="1"><title>heart</title><see>infarct, myocardium</see></term>
    <term level="1"><title>transient ischemic<nemod>(TIA)</nemod></title><code>G45.9</code></term>
  </mainTerm>
</letter>
<letter><title>B</title>
  <mainTerm><title>Bonnier's syndrome</title><subcat>H81.8</subcat></mainTerm>
</letter>
<letter><title>C</title>
  <mainTerm><title>Chain 1</title><see>Chain 2</see></mainTerm>
  ${Array.from({ length: 10 }, (_, i) => `<mainTerm><title>Chain ${i + 2}</title><see>Chain ${i + 3}</see></mainTerm>`).join('')}
  <mainTerm><title>Chronic</title><see>condition</see></mainTerm>
</letter>
<letter><title>D</title>
  <mainTerm><title>Diabetes, diabetic<nemod>(mellitus) (sugar)</nemod></title><code>E11.9</code>
    <term level="1"><title>with</title>
      <term level="2"><title>chronic kidney disease</title><code>E11.22</code></term>
      <term level="2"><title>hyperglycemia</title><code>E11.65</code></term>
    </term>
    <term level="1"><title>poorly controlled - code to Diabetes, by type, with hyperglycemia</title></term>
    <term level="1"><title>type 1</title><code>E10.9</code>
      <term level="2"><title>with</title>
        <term level="3"><title>chronic kidney disease</title><code>E10.22</code></term>
        <term level="3"><title>hyperglycemia</title><code>E10.65</code></term>
      </term>
    </term>
    <term level="1"><title>type 2</title><code>E11.9</code>
      <term level="2"><title>with</title>
        <term level="3"><title>Charcot's joints</title><code>E11.610</code></term>
        <term level="3"><title>chronic kidney disease</title><code>E11.22</code></term>
        <term level="3"><title>hyperglycemia</title><code>E11.65</code></term>
      </term>
    </term>
  </mainTerm>
</letter>
<letter><title>F</title>
  <mainTerm><title>Fracture, pathological<nemod>(pathologic)</nemod></title><code>M84.40</code>
    <term level="1"><title>radius</title><code>M84.43-</code></term>
  </mainTerm>
  <mainTerm><title>Fracture, traumatic<nemod>(abduction) (adduction)</nemod></title><code>T14.8</code>
    <term level="1"><title>greenstick</title><see>Fracture, by site</see></term>
    <term level="1"><title>radius</title><code>S52.9-</code>
      <term level="2"><title>lower end</title><code>S52.50-</code></term>
    </term>
  </mainTerm>
</letter>
<letter><title>G</title>
  <mainTerm><title>Gait abnormality</title><code>R26.9</code></mainTerm>
</letter>
<letter><title>H</title>
  <mainTerm><title>Hypertension, hypertensive<nemod>(accelerated) (benign)</nemod></title><code>I10</code>
    <term level="1"><title>heart<nemod>(disease)</nemod></title><code>I11.9</code>
      <term level="2"><title>with</title>
        <term level="3"><title>heart failure<nemod>(congestive)</nemod></title><code>I11.0</code></term>
      </term>
    </term>
    <term level="1"><title>cardiorenal<nemod>(disease)</nemod></title><code>I13.10</code>
      <term level="2"><title>with heart failure</title><code>I13.0</code></term>
      <term level="2"><title>without heart failure</title><code>I13.10</code></term>
    </term>
    <term level="1"><title>portal</title><code>K76.6</code>
      <term level="2"><title>in<nemod>(due to) schistosomiasis (bilharziasis)</nemod></title><code>B65.9</code><manif>K77</manif></term>
    </term>
  </mainTerm>
</letter>
<letter><title>I</title>
  <mainTerm><title>Infarct, infarction</title>
    <term level="1"><title>myocardium, myocardial<nemod>(acute) (with stated duration of 4 weeks or less)</nemod></title><code>I21.3</code>
      <term level="2"><title>non-ST elevation<nemod>(NSTEMI)</nemod></title><code>I21.4</code></term>
    </term>
  </mainTerm>
</letter>
<letter><title>M</title>
  <mainTerm><title>Mirror</title><see>Mirror</see></mainTerm>
</letter>
<letter><title>N</title>
  <mainTerm><title>Neoplasm, neoplastic</title><seeAlso>Table of Neoplasms</seeAlso></mainTerm>
</letter>
<letter><title>O</title>
  <mainTerm><title>Otitis</title><code>H66.90</code>
    <term level="1"><title>media<nemod>(hemorrhagic) (staphylococcal)</nemod></title><code>H66.9-</code>
      <term level="2"><title>acute, subacute</title><code>H66.90</code></term>
    </term>
  </mainTerm>
  <mainTerm><title>Ouroboros</title><see>Snake, tail</see></mainTerm>
</letter>
<letter><title>P</title>
  <mainTerm><title>Pain<nemod>(s)</nemod></title><code>R52</code>
    <term level="1"><title>abdominal</title><code>R10.9</code></term>
  </mainTerm>
  <mainTerm><title>Pneumonia</title><code>J18.9</code>
    <term level="1"><title>Streptococcus pneumoniae</title><code>J13</code></term>
  </mainTerm>
  <mainTerm><title>Poisoning<nemod>(acute)</nemod></title><seeAlso>Table of Drugs and Chemicals</seeAlso>
    <term level="1"><title>drug</title><see>Table of Drugs and Chemicals, by drug, poisoning</see></term>
  </mainTerm>
</letter>
<letter><title>S</title>
  <mainTerm><title>Sepsis<nemod>(generalized)</nemod></title><code>A41.9</code>
    <term level="1"><title>Escherichia coli<nemod>(E. coli)</nemod></title><code>A41.5</code></term>
    <term level="1"><title>MSSA<nemod>(Methicillin susceptible Staphylococcus aureus)</nemod></title><code>A41.01</code></term>
  </mainTerm>
  <mainTerm><title>Snake</title>
    <term level="1"><title>tail</title><see>Ouroboros</see></term>
  </mainTerm>
  <mainTerm><title>Syndrome</title>
    <term level="1"><title>Fanconi<nemod>(-de Toni) (-Debré)</nemod></title><code>E72.09</code></term>
    <term level="1"><title>Fanconi's<nemod>(anemia)</nemod></title><code>D61.09</code></term>
  </mainTerm>
</letter>
<letter><title>U</title>
  <mainTerm><title>Ulcer, ulcerated</title><code>L98.499</code>
    <term level="1"><title>stomach</title><code>K25.9</code>
      <term level="2"><title>without</title><term level="3"><title>hemorrhage</title><code>K25.7</code></term></term>
      <term level="2"><title>with</title><term level="3"><title>hemorrhage</title><code>K25.4</code></term></term>
    </term>
  </mainTerm>
</letter>
</ICD10CM.index>`;

describe('createIndexNavigator', () => {
  let terms: IndexTerm[];
  let navigator: IndexNavigator;
  const idOf = (title: string) => terms.findIndex((term) => term.title === title);

  beforeAll(async () => {
    terms = (await readIndexXml(INDEX_XML, 'index')).terms;
    navigator = createIndexNavigator(terms);
  });

  describe('findMainTerms', () => {
    it('matches a main term by any variant it lists, ignoring case and nonessential modifiers', () => {
      expect(navigator.findMainTerms('Diabetes')).toEqual([idOf('Diabetes, diabetic')]);
      expect(navigator.findMainTerms('DIABETIC')).toEqual([idOf('Diabetes, diabetic')]);
      expect(navigator.findMainTerms('diabetes mellitus')).toEqual([idOf('Diabetes, diabetic')]);
      expect(navigator.findMainTerms('Pains')).toEqual([idOf('Pain')]);
    });

    it('lists every qualified main term for its first part, and nothing for unknown text', () => {
      expect(navigator.findMainTerms('Fracture')).toEqual([idOf('Fracture, pathological'), idOf('Fracture, traumatic')]);
      expect(navigator.findMainTerms('Fracture, traumatic')).toEqual([idOf('Fracture, traumatic')]);
      expect(navigator.findMainTerms('Xylophone')).toEqual([]);
    });
  });

  describe('walking subterms', () => {
    it('walks a written path to its code, with the titles taken', () => {
      expect(navigator.navigate('Diabetes', ['type 2', 'with', 'chronic kidney disease'])).toEqual({
        code: 'E11.22',
        // The E11.22 under `type 2 > with`, not the one under `Diabetes > with`.
        termId: terms.findIndex((t) => t.code === 'E11.22' && terms[t.parent].parent === idOf('type 2')),
        path: ['Diabetes, diabetic', 'type 2', 'with', 'chronic kidney disease'],
        followed: [],
        unmatched: [],
        complete: true,
      });
    });

    it('looks through a connector the coder left out, and takes modifiers in any order', () => {
      const expected = { code: 'E11.22', path: ['Diabetes, diabetic', 'type 2', 'with', 'chronic kidney disease'] };
      expect(navigator.navigate('Diabetes', ['type 2', 'chronic kidney disease'])).toMatchObject(expected);
      expect(navigator.navigate('Diabetes', ['chronic kidney disease', 'type 2'])).toMatchObject(expected);
      expect(navigator.navigate('Diabetes', ['with', 'type 2', 'chronic kidney disease'])).toMatchObject(expected);
    });

    it('is tolerant of case, plurals and possessives', () => {
      expect(navigator.navigate('DIABETES', ['Type 2', 'Charcot joint'])).toMatchObject({ code: 'E11.610', complete: true });
      expect(navigator.navigate('diabetes', ['type 2', "charcot's joints"])).toMatchObject({ code: 'E11.610' });
    });

    it('reads a connector and its subterm as one modifier, or one title as connector plus modifier', () => {
      expect(navigator.navigate('Hypertension', ['heart', 'with heart failure'])).toMatchObject({
        code: 'I11.0',
        path: ['Hypertension, hypertensive', 'heart', 'with', 'heart failure'],
      });
      expect(navigator.navigate('Hypertension', ['cardiorenal', 'with', 'heart failure'])).toMatchObject({
        code: 'I13.0',
        path: ['Hypertension, hypertensive', 'cardiorenal', 'with heart failure'],
      });
      expect(navigator.navigate('Hypertension', ['cardiorenal', 'heart failure'])).toMatchObject({ code: 'I13.0' });
    });

    it('never enters `without` unless the coder says it', () => {
      expect(navigator.navigate('Ulcer', ['stomach', 'hemorrhage'])).toMatchObject({
        code: 'K25.4',
        path: ['Ulcer, ulcerated', 'stomach', 'with', 'hemorrhage'],
      });
      expect(navigator.navigate('Ulcer', ['stomach', 'without', 'hemorrhage'])).toMatchObject({ code: 'K25.7', complete: true });
    });

    it('counts a modifier found among a term’s nonessential modifiers, or a connector the Index does without, as used', () => {
      expect(navigator.navigate('Infarct', ['myocardium', 'acute'])).toMatchObject({ code: 'I21.3', complete: true });
      expect(navigator.navigate('Pneumonia', ['due to', 'Streptococcus pneumoniae'])).toMatchObject({ code: 'J13', complete: true });
      expect(navigator.navigate('Hypertension', ['portal', 'in schistosomiasis'])).toMatchObject({ code: 'B65.9', manif: 'K77' });
    });

    it('takes an abbreviation or expansion given as the only nonessential modifier', () => {
      expect(navigator.navigate('Sepsis', ['E. coli'])).toMatchObject({ code: 'A41.5' });
      expect(navigator.navigate('Sepsis', ['methicillin susceptible staphylococcus aureus'])).toMatchObject({ code: 'A41.01' });
      expect(navigator.navigate('Attack', ['TIA'])).toMatchObject({ code: 'G45.9' });
    });

    it('prefers the title written as the modifier when two normalize alike', () => {
      expect(navigator.navigate('Syndrome', ["Fanconi's"])).toMatchObject({ code: 'D61.09' });
      expect(navigator.navigate('Syndrome', ['Fanconi'])).toMatchObject({ code: 'E72.09' });
    });

    it('falls back to a part of a qualified title or the first words of a longer one', () => {
      expect(navigator.navigate('Otitis', ['media', 'subacute'])).toMatchObject({ code: 'H66.90', complete: true });
      expect(navigator.navigate('Gait', [])).toMatchObject({ code: 'R26.9', path: ['Gait abnormality'] });
    });

    it('picks among qualified main terms the one the modifiers fit', () => {
      expect(navigator.navigate('Fracture', ['radius', 'lower end'])).toMatchObject({
        code: 'S52.50-',
        path: ['Fracture, traumatic', 'radius', 'lower end'],
      });
      expect(navigator.navigate('Fracture', ['traumatic', 'radius'])).toMatchObject({ code: 'S52.9-', complete: true });
    });
  });

  describe('default codes and leftovers', () => {
    it('gives the nearest ancestor’s code when the deepest term reached has none', () => {
      const result = navigator.navigate('Diabetes', ['type 2', 'with']);
      expect(result).toMatchObject({ code: 'E11.9', path: ['Diabetes, diabetic', 'type 2', 'with'], complete: true });
      expect(terms[result.termId ?? -1].title).toBe('with');
    });

    it('reports modifiers it could not place, keeping the code reached', () => {
      expect(navigator.navigate('Diabetes', ['type 2', 'banana'])).toMatchObject({
        code: 'E11.9',
        unmatched: ['banana'],
        complete: false,
      });
    });

    it('returns an empty path for an unknown main term', () => {
      expect(navigator.navigate('Xylophone', ['blue'])).toEqual({ path: [], followed: [], unmatched: ['blue'], complete: false });
    });

    it('uses a subcategory when the Index gives no code', () => {
      expect(navigator.navigate('Bonnier syndrome', [])).toMatchObject({ code: 'H81.8', complete: true });
    });
  });

  describe('cross-references', () => {
    it('follows a see reference and continues with the modifiers left', () => {
      expect(navigator.navigate('Attack', ['heart'])).toMatchObject({
        code: 'I21.3',
        path: ['Attack, attacks', 'heart', 'Infarct, infarction', 'myocardium, myocardial'],
        followed: ['infarct, myocardium'],
        complete: true,
      });
      expect(navigator.navigate('Attack', ['heart', 'NSTEMI'])).toMatchObject({ code: 'I21.4', complete: true });
      expect(navigator.navigate('Abdominalgia', [])).toMatchObject({ code: 'R10.9', followed: ['Pain, abdominal'] });
    });

    it('follows the `see also` of a codeless term, which has no code of its own to give', () => {
      expect(navigator.navigate('Arthralgia', [])).toMatchObject({ code: 'R10.9', followed: ['Pain, abdominal'], complete: true });
      expect(navigator.navigate('Arthralgia', ['in caisson disease'])).toMatchObject({ code: 'T70.3', followed: [] });
    });

    it('keeps the walk it had when a `see also` leads nowhere: the reference is optional', () => {
      expect(navigator.navigate('Atrophy', ['made-up'])).toMatchObject({ code: 'M62.50', followed: [], complete: true });
    });

    it('follows a title instruction, putting the coder’s modifiers where it says `by type`', () => {
      expect(navigator.navigate('Diabetes', ['type 1', 'poorly controlled'])).toMatchObject({
        code: 'E10.65',
        followed: ['code to Diabetes, by type, with hyperglycemia'],
        complete: true,
      });
      expect(navigator.navigate('Diabetes', ['poorly controlled'])).toMatchObject({ code: 'E11.65' });
    });

    it('follows `by site` references within the main term it came from', () => {
      expect(navigator.navigate('Fracture, traumatic', ['greenstick', 'radius'])).toMatchObject({
        code: 'S52.9-',
        path: ['Fracture, traumatic', 'greenstick', 'Fracture, traumatic', 'radius'],
        followed: ['Fracture, by site'],
      });
    });

    it('stops at references it cannot follow and gives no code', () => {
      expect(navigator.navigate('Chronic', [])).toMatchObject({ stoppedAt: 'condition', stopReason: 'condition' });
      expect(navigator.navigate('Chronic', []).code).toBeUndefined();
      expect(navigator.navigate('Poisoning', ['drug'])).toMatchObject({
        stoppedAt: 'Table of Drugs and Chemicals, by drug, poisoning',
        stopReason: 'drug-table',
      });
      const category = navigator.navigate('Arthritis', ['in', 'infectious disease NEC']);
      expect(category).toMatchObject({ stoppedAt: 'category M01', stopReason: 'category', complete: true });
      expect(category.code).toBeUndefined();
    });

    it('reports a see also into the Neoplasm Table on a codeless term', () => {
      expect(navigator.navigate('Neoplasm', ['lung'])).toMatchObject({
        stoppedAt: 'Table of Neoplasms',
        stopReason: 'neoplasm-table',
        unmatched: ['lung'],
        complete: false,
      });
    });

    it('reports a reference to an entry the Index does not have', () => {
      expect(navigator.navigate('Abscess', ['gum'])).toMatchObject({
        stoppedAt: 'Peridontitis, aggressive, localized',
        stopReason: 'not-found',
      });
    });

    it('stops on reference loops and on chains too long', () => {
      expect(navigator.navigate('Ouroboros', [])).toMatchObject({ stopReason: 'loop', followed: ['Snake, tail', 'Ouroboros'] });
      expect(navigator.navigate('Mirror', [])).toMatchObject({ stopReason: 'loop', stoppedAt: 'Mirror' });
      const chain = navigator.navigate('Chain 1', []);
      expect(chain.stopReason).toBe('loop');
      expect(chain.followed.length).toBe(8);
    });
  });

  describe('both Indexes in one array', () => {
    const EINDEX_XML = `<ICD10CM.index><version>2022</version><letter><title>E</title>
      <mainTerm><title>Exposure</title><code>X58</code>
        <term level="1"><title>cold</title><code>X31</code></term>
      </mainTerm>
      <mainTerm><title>Frostbite</title><see>Exposure, cold</see></mainTerm>
      <mainTerm><title>Misadventure</title><see>Index to Diseases and Injuries, Exposure, cold</see></mainTerm>
    </letter></ICD10CM.index>`;
    const DISEASE_XML = `<ICD10CM.index><version>2017</version><letter><title>E</title>
      <mainTerm><title>Exposure</title><code>T75.89</code>
        <term level="1"><title>cold</title><code>T69.9</code></term>
      </mainTerm>
    </letter></ICD10CM.index>`;

    it('keeps a reference in its own Index unless it names the other', async () => {
      const diseases = (await readIndexXml(DISEASE_XML, 'index')).terms;
      const external = (await readIndexXml(EINDEX_XML, 'eindex')).terms;
      const offset = diseases.length;
      const merged = [
        ...diseases,
        ...external.map((t) => ({ ...t, id: t.id + offset, parent: t.parent < 0 ? -1 : t.parent + offset })),
      ];
      const both = createIndexNavigator(merged);
      expect(both.navigate('Frostbite', [])).toMatchObject({ code: 'X31' });
      expect(both.navigate('Misadventure', [])).toMatchObject({ code: 'T69.9' });
    });
  });
});
