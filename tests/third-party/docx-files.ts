/** Third-party Word drafts (tests/third-party/README.md): file name -> sha256 as published. */
export const thirdPartyDrafts: Readonly<Record<string, string>> = {
  'nbt-psr-part1-draft.docx': 'f287aacc0555881bbfb4e113ff68a6aa1c6b31c216e5587000898fce072e8c39',
  'nbt-psr-part6-draft.docx': '01a7395f0cdd7433015c91087774d440195bf74c31dafacbc0a79c1891c3cc27',
  'nbt-psr-part1-explanatory-note.docx': '810abed10b5c53719f4888517303ced46fb320b50a7f34030696b69f4bddb95c',
  'civil-code.docx': '6bb53d7d71cbc5bb31d4752d2a5e852fe520a9139a6f0d1b43ad042f15a99660',
  'legislation-law.docx': '207f5b486b991da7b3c0e25ffef3a9d36bda754bf5d06b2a2b442ff8ea1a54c2',
  'docling-headers-numbered.docx': '970daec709e285e54de9ad939aca64e506c194f64517ed999378cd819817580a',
};
