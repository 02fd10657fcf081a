// Link a section when the mail names exactly one (「第三章」, or a heading's
// words). The category is proposed by app/domain/categorize, as for every channel.

type Section = { id: number; number: string; heading: string };

export function linkSection(text: string, sections: Section[]): number | undefined {
  const folded = text.normalize('NFKC');
  const matches = new Set<number>();
  for (const section of sections) {
    // Chapter numbers are unique in a plan; 「一、」 repeats in every chapter.
    const byNumber = /^第.+[章节篇]$/.test(section.number) && folded.includes(section.number);
    const byHeading = [...section.heading].length >= 4 && folded.includes(section.heading.normalize('NFKC'));
    if (byNumber || byHeading) matches.add(section.id);
  }
  return matches.size === 1 ? [...matches][0] : undefined;
}
