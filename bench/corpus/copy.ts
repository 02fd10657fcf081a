import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type postgres from 'postgres';

// COPY … FROM STDIN in PostgreSQL's text format, through the same driver the
// product uses. Values: null → \N, Buffer → bytea hex, arrays → {…} literals.
type Value = string | number | boolean | null | undefined | Buffer | Date | number[];

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}

function cell(value: Value): string {
  if (value === null || value === undefined) return '\\N';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return escape(String(value));
}

export function copyLine(values: Value[]): string {
  return values.map(cell).join('\t') + '\n';
}

export async function copyRows(sql: postgres.Sql, table: string, columns: string[], lines: string[]) {
  if (lines.length === 0) return;
  const writable = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
  await pipeline(Readable.from(chunks(lines)), writable);
}

function* chunks(lines: string[]) {
  for (let i = 0; i < lines.length; i += 500) yield lines.slice(i, i + 500).join('');
}
