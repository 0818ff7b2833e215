/**
 * Which child of a header the classification takes when the text says nothing more, and which
 * children are seventh characters for the encounter: what narrowing knows of a header before it
 * reads any text.
 */
import type { CodeSummary } from '@icd/terminology';
import { contentStems } from '../dictionary/stems.js';

/** Stems that an "other" or "unspecified" child adds: they say nothing the text could confirm. */
export const VAGUE_STEMS = new Set(contentStems('other unspecified specified elsewhere classified'));

/**
 * The child that adds no word to its parent's but vague ones: the default when the text says
 * nothing more ("Heart failure, unspecified" under "Heart failure", not "Left ventricular
 * failure, unspecified"; "...of unspecified female breast", not "...of right female breast";
 * "Other heart failure" under "Other heart failure"). Among several, one titled "unspecified",
 * then one that is not an "other" code, then one whose title ends in "unspecified". Null when
 * every child says something more.
 */
export function defaultChild(parent: string, children: readonly CodeSummary[], stemsOfTitle: (code: string) => ReadonlySet<string>): string | null {
  const parentStems = stemsOfTitle(parent);
  const rank = ({ title }: CodeSummary) => {
    const stated = statedTitle(title);
    return (/\bunspecified\b/i.test(stated) ? 0 : 4) + (/\bother\b/i.test(stated) ? 2 : 0) + (/\bunspecified\W*$/i.test(stated) ? 0 : 1);
  };
  const addsNothing = children.filter((child) => [...stemsOfTitle(child.code)].every((stem) => parentStems.has(stem) || VAGUE_STEMS.has(stem)));
  return addsNothing.sort((a, b) => rank(a) - rank(b))[0]?.code ?? null;
}

/**
 * Whether the children of a header are its seventh characters for the encounter (initial "A",
 * subsequent "D", sequela "S", and the fracture variants between). Other seventh characters say
 * something the title words name, as any child does: the eye (E11.3511 right, E11.3513 bilateral),
 * the fetus (O32.1XX1), the stage of glaucoma (H40.1111).
 */
export function isEncounterSeventhCharacter(children: readonly CodeSummary[]): boolean {
  if (children.length === 0 || !children.every((child) => child.code.replace('.', '').length === 7)) return false;
  return children.some((child) => child.code.endsWith('A')) && children.some((child) => child.code.endsWith('S'));
}

/** "..., not specified as recurrent": what follows names what the code leaves unsaid. */
const NOT_SPECIFIED_AS = /\bnot specified as [^,]*/gi;

/**
 * A title with what it leaves unsaid read as "unspecified": "Enterocolitis due to Clostridium
 * difficile, not specified as recurrent" (A04.72) is the default beside "..., recurrent"
 * (A04.71), and "recurrent" does not pick it.
 */
export function statedTitle(title: string): string {
  return title.replace(NOT_SPECIFIED_AS, 'unspecified');
}
