import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json, found by walking up from `from`. Modules
 * run from two places, their source (app/server, db/ under tsx or vitest) and
 * the compiled bundle (build/node/, decision 095), so a fixed "../.." holds in
 * one of them only. The project root holds build/, db/migrations and
 * node_modules in both.
 */
export function findProjectRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
