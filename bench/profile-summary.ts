import fs from 'node:fs';
import path from 'node:path';

// `node --import tsx bench/profile-summary.ts DIR`: the functions with the
// most self time in the .cpuprofile files a `npm run bench -- --profile` run
// left (the server's, written when it stops), grouped by function and file.

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const dir = process.argv[2] ?? '.tmp/bench-profile';
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url.replace(/^file:\/\/.*?\/(node_modules|app|db|build)\//, '$1/') || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  console.log(`\n${file}: ${(total / 1000).toFixed(1)} s sampled; most self time:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
