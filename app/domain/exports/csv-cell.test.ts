import { expect, test } from 'vitest';
import { csvCell, csvLine } from './csv-cell.ts';

test('plain values, Chinese included, are written as they are', () => {
  expect(csvCell('建议增设跨学科辅修专业')).toBe('建议增设跨学科辅修专业');
  expect(csvCell(12)).toBe('12');
});

test('commas, quotes and line breaks are quoted, quotes doubled (RFC 4180)', () => {
  expect(csvCell('一，二,三')).toBe('"一，二,三"');
  expect(csvCell('他说"好"')).toBe('"他说""好"""');
  expect(csvCell('第一行\r\n第二行')).toBe('"第一行\r\n第二行"');
  expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
});

test('cells that a spreadsheet would run as a formula get a leading apostrophe', () => {
  expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
  expect(csvCell('+86 138')).toBe("'+86 138");
  expect(csvCell('-1+1')).toBe("'-1+1");
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell('\t=1')).toBe("'\t=1");
  expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  expect(csvCell('\n=1')).toBe(`"'\n=1"`);
  expect(csvCell('a=1')).toBe('a=1');
});
