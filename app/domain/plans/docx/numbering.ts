import { formatCounter } from './number-formats.ts';
import type { NumberingRef } from './styles.ts';
import { child, elements, val, type XmlElement } from './xml-tree.ts';

type Level = { start: number; format: string; text: string; isLegal: boolean; pStyle: string | undefined };
type Instance = { abstractId: string; startOverrides: Map<number, number> };

/**
 * Renders the automatic numbers from numbering.xml as a reader sees them
 * (「第一章」, 「5.1」, 「附录A」). Counters belong to the abstract list, so two
 * w:num that share it continue one sequence, unless a w:startOverride restarts it.
 */
export function createNumbering(root: XmlElement | undefined) {
  const abstracts = new Map<string, Level[]>();
  const instances = new Map<string, Instance>();
  const numbering = root ? child(root, 'w:numbering') : undefined;
  for (const abstract of numbering ? elements(numbering, 'w:abstractNum') : []) {
    const levels: Level[] = [];
    for (const lvl of elements(abstract, 'w:lvl')) {
      levels[Number(lvl.attrs['w:ilvl'] ?? 0)] = {
        start: Number(val(lvl, 'w:start') ?? 1),
        format: val(lvl, 'w:numFmt') ?? 'decimal',
        text: val(lvl, 'w:lvlText') ?? '',
        isLegal: child(lvl, 'w:isLgl') !== undefined,
        pStyle: val(lvl, 'w:pStyle'),
      };
    }
    abstracts.set(abstract.attrs['w:abstractNumId'] ?? '', levels);
  }
  for (const num of numbering ? elements(numbering, 'w:num') : []) {
    const startOverrides = new Map<number, number>();
    for (const override of elements(num, 'w:lvlOverride')) {
      const start = val(override, 'w:startOverride');
      if (start !== undefined) startOverrides.set(Number(override.attrs['w:ilvl'] ?? 0), Number(start));
    }
    instances.set(num.attrs['w:numId'] ?? '', { abstractId: val(num, 'w:abstractNumId') ?? '', startOverrides });
  }

  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();

  /** The number shown before a paragraph, or '' (numId 0 switches numbering off). Advances the counters. */
  return function next(
    ref: NumberingRef | undefined,
    styleId: string | undefined,
  ): { label: string; isBullet: boolean } {
    if (!ref || ref.numId === '0' || ref.numId === '') return { label: '', isBullet: false };
    const instance = instances.get(ref.numId);
    const levels = instance ? abstracts.get(instance.abstractId) : undefined;
    if (!instance || !levels) return { label: '', isBullet: false };
    const ilvl =
      ref.ilvl ??
      Math.max(
        0,
        levels.findIndex((l) => l?.pStyle !== undefined && l.pStyle === styleId),
      );
    const level = levels[ilvl];
    if (!level) return { label: '', isBullet: false };
    const values = counters.get(instance.abstractId) ?? [];
    if (!overridden.has(ref.numId)) {
      overridden.add(ref.numId);
      for (const [at, start] of instance.startOverrides) values[at] = start - 1;
    }
    // A level used before its parents gives them their start value, as Word does (2 › 2.1.1 › 2.2).
    for (let at = 0; at < ilvl; at++) values[at] ??= levels[at]?.start ?? 1;
    values[ilvl] = (values[ilvl] ?? level.start - 1) + 1;
    // A higher level restarts every level below it.
    values.length = ilvl + 1;
    counters.set(instance.abstractId, values);
    if (level.format === 'bullet') return { label: '', isBullet: true };
    const label = level.text.replace(/%([1-9])/g, (_, n: string) => {
      const at = Number(n) - 1;
      const shown = levels[at];
      const value = values[at] ?? shown?.start ?? 1;
      return formatCounter(value, level.isLegal && at !== ilvl ? 'decimal' : (shown?.format ?? 'decimal'));
    });
    return { label, isBullet: false };
  };
}
