import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

export type Dump = { text: string; tool: string };

/**
 * The whole database as text: `pg_dump` (PG_DUMP, or the one on PATH) when it
 * can dump this server, else every row of every table in every schema as text,
 * which is what pg_dump's data section holds (bytea in hex, text as stored). A
 * pg_dump older than the server refuses to run (Debian 12 ships 15, the
 * embedded server is 18), hence the fallback; the test reports which was used.
 */
export async function dumpDatabase(url: string): Promise<Dump> {
  const binary = process.env.PG_DUMP ?? 'pg_dump';
  try {
    const { stdout } = await run(binary, ['--no-owner', '--no-privileges', `--dbname=${url}`], {
      maxBuffer: 512 * 1024 * 1024,
      encoding: 'utf8',
    });
    const { stdout: version } = await run(binary, ['--version'], { encoding: 'utf8' });
    return { text: stdout, tool: version.trim() };
  } catch (error) {
    const reason = (error as { stderr?: string }).stderr?.split('\n').find(Boolean) ?? (error as Error).message;
    return {
      text: await copyEveryTable(url),
      tool: `every row of every table as text (pg_dump unusable: ${reason.trim()})`,
    };
  }
}

async function copyEveryTable(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`;
    const parts: string[] = [];
    for (const { schema, name } of tables) {
      const quoted = (id: string) => `"${id.replace(/"/g, '""')}"`;
      // A row as text: text columns as stored, bytea in hex (\\x…), like COPY.
      const rows = await sql.unsafe<{ line: string }[]>(
        `select t::text as line from ${quoted(schema)}.${quoted(name)} t`,
      );
      parts.push(`-- ${schema}.${name}\n${rows.map((r) => r.line).join('\n')}`);
    }
    return parts.join('\n');
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Every form a value can take in a dump: as text, and the hex, base64 and octal-escape forms of its UTF-8 bytes. */
export function encodingsOf(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const octal = [...bytes]
    .map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`))
    .join('');
  return [
    ...new Set([value, value.toLowerCase(), bytes.toString('hex'), bytes.toString('base64').replace(/=+$/, ''), octal]),
  ];
}
