import { child, elements, val, type XmlElement } from './xml-tree.ts';

export type NumberingRef = { numId: string; ilvl: number | undefined };
export type ResolvedStyle = {
  name: string;
  outlineLevel: number | undefined;
  numbering: NumberingRef | undefined;
  isToc: boolean;
};
type RawStyle = {
  name: string;
  basedOn: string | undefined;
  outlineLevel: number | undefined;
  numbering: NumberingRef | undefined;
};

/** Reads styles.xml; a style's outline level and numbering are inherited through basedOn, as Word does. */
export function readStyles(root: XmlElement | undefined): (styleId: string | undefined) => ResolvedStyle | undefined {
  const raw = new Map<string, RawStyle>();
  const styles = root ? child(root, 'w:styles') : undefined;
  for (const style of styles ? elements(styles, 'w:style') : []) {
    const id = style.attrs['w:styleId'];
    if (!id || style.attrs['w:type'] !== 'paragraph') continue;
    const pPr = child(style, 'w:pPr');
    raw.set(id, {
      name: val(style, 'w:name') ?? id,
      basedOn: val(style, 'w:basedOn'),
      outlineLevel: outlineOf(pPr),
      numbering: numberingOf(pPr),
    });
  }
  const cache = new Map<string, ResolvedStyle>();
  const resolve = (id: string | undefined, depth = 0): ResolvedStyle | undefined => {
    if (!id || depth > 20) return undefined;
    const cached = cache.get(id);
    if (cached) return cached;
    const own = raw.get(id);
    if (!own) return undefined;
    const parent = resolve(own.basedOn, depth + 1);
    const resolved: ResolvedStyle = {
      name: own.name,
      outlineLevel: own.outlineLevel ?? builtInHeadingLevel(own.name) ?? parent?.outlineLevel,
      // A style may name only its level (w:ilvl) and take the list (w:numId) from the style it is based on.
      numbering: mergeNumbering(own.numbering, parent?.numbering),
      isToc: /^toc \d$/i.test(own.name) || /^目录 ?\d$/.test(own.name),
    };
    cache.set(id, resolved);
    return resolved;
  };
  return (id) => resolve(id);
}

// Word's built-in "heading 1" … "heading 9" carry their outline level implicitly.
function builtInHeadingLevel(name: string): number | undefined {
  const match = /^(?:heading|标题)\s*([1-9])$/i.exec(name);
  return match ? Number(match[1]) - 1 : undefined;
}

export function outlineOf(pPr: XmlElement | undefined): number | undefined {
  const value = val(pPr, 'w:outlineLvl');
  if (value === undefined) return undefined;
  const level = Number(value);
  // Level 9 is Word's "body text".
  return Number.isInteger(level) && level >= 0 && level < 9 ? level : 9;
}

export function numberingOf(pPr: XmlElement | undefined): NumberingRef | undefined {
  const numPr = child(pPr, 'w:numPr');
  if (!numPr) return undefined;
  const numId = val(numPr, 'w:numId');
  const ilvl = val(numPr, 'w:ilvl');
  if (numId === undefined && ilvl === undefined) return undefined;
  return { numId: numId ?? '', ilvl: ilvl === undefined ? undefined : Number(ilvl) };
}

function mergeNumbering(own: NumberingRef | undefined, parent: NumberingRef | undefined): NumberingRef | undefined {
  if (!own) return parent;
  if (!parent) return own;
  return { numId: own.numId || parent.numId, ilvl: own.ilvl ?? parent.ilvl };
}
