import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded.server.ts';
import { migrateDatabase } from '../../db/migrate.server.ts';

export const TEMPLATE_DATABASE = 'jianyan_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

/**
 * Once per run: PostgreSQL (DATABASE_URL's server, or an embedded one under
 * .tmp/), migrated once into a template database that each test file copies.
 */
export async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = path.resolve('.tmp/test-pg');
    fs.rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedDatabase({ dataDir, databaseName: 'postgres', log: quiet });
    adminUrl = embedded.adminUrl;
  }
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await sql.unsafe(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await sql.end();
  }
  await migrateDatabase(withDatabaseName(adminUrl, TEMPLATE_DATABASE));
  project.provide('databaseAdminUrl', adminUrl);
}

export async function teardown() {
  await embedded?.stop();
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const quiet = { info: () => {}, warn: (m: string) => console.warn(m), debug: () => {} };
