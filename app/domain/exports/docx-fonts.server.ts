import JSZip from 'jszip';

// Chinese official documents (GB/T 9704) set titles in 方正小标宋简体 and the
// body in 仿宋_GB2312. Neither ships with Windows or WPS everywhere, so the
// document names them and declares, in word/fontTable.xml, an alternate name
// (altName: 黑体 for the title, 仿宋 for the body, both on every Chinese
// Windows) and the GB2312 character set, which Word and WPS use to substitute
// a missing font with the right kind of Chinese face instead of a Latin default.

export const titleFonts = {
  eastAsia: '方正小标宋简体',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
};
export const bodyFonts = {
  eastAsia: '仿宋_GB2312',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
};

const declarations = [
  { name: '方正小标宋简体', altName: '黑体', family: 'script', panose: '02000000000000000000' },
  { name: '仿宋_GB2312', altName: '仿宋', family: 'modern', panose: '02010609030101010101' },
  { name: '黑体', altName: 'SimHei', family: 'modern', panose: '02010609060101010101' },
  { name: '仿宋', altName: 'FangSong', family: 'modern', panose: '02010609060101010101' },
];

const fontXml = declarations
  .map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  )
  .join('');

/** Adds the font declarations to the fontTable.xml the docx package wrote. */
export async function addFontFallbacks(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/fontTable.xml');
  if (!file) return docx;
  const xml = await file.async('string');
  const patched = /<w:fonts([^>]*)\/>/.test(xml)
    ? xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${fontXml}</w:fonts>`)
    : xml.replace('</w:fonts>', `${fontXml}</w:fonts>`);
  zip.file('word/fontTable.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
