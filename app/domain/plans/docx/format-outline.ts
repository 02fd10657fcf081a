import type { SectionFields } from '../manage-sections.server.ts';

/** One line per section: two spaces per level below the first, then number and title (「  第一节 一般规定」). */
export function formatOutline(sections: Pick<SectionFields, 'level' | 'number' | 'heading'>[]): string[] {
  return sections.map((s) => `${'  '.repeat(s.level - 1)}${s.number ? `${s.number} ` : ''}${s.heading}`);
}
