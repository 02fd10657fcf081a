import fc from 'fast-check';

// A few hundred cases per target in `npm test`, from a fixed seed so that CI
// is repeatable; twenty times that from a fresh seed with
// `npm run test:faults -- --long`, to explore. FUZZ_SEED replays a failure.
export const LONG = process.env.FAULTS_LONG === '1';
const CI_SEED = 20261206;

export function runs(ci: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : LONG ? undefined : CI_SEED;
  return { numRuns: LONG ? ci * 20 : ci, ...(seed === undefined ? {} : { seed }), endOnFailure: true };
}

/** Damage a real file the way transport, storage and attackers do. */
export function mutationOf(original: Buffer): fc.Arbitrary<Buffer> {
  const length = Math.max(1, original.length);
  const at = fc.nat({ max: length - 1 });
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b));
  const text = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s, 'utf8'));
  const mutation = fc.oneof(
    fc.tuple(
      fc.constant('flip' as const),
      fc.array(fc.tuple(at, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 16 }),
    ),
    fc.tuple(fc.constant('truncate' as const), at),
    fc.tuple(fc.constant('insert' as const), at, fc.oneof(bytes, text)),
    fc.tuple(fc.constant('repeat' as const), at, at, fc.integer({ min: 2, max: 50 })),
    fc.tuple(fc.constant('delete' as const), at, at),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 4 }).map((steps) => {
    let buffer = Buffer.from(original);
    for (const step of steps) {
      const clamp = (n: number) => Math.min(n, buffer.length);
      switch (step[0]) {
        case 'flip':
          buffer = Buffer.from(buffer);
          for (const [position, xor] of step[1]) if (position < buffer.length) buffer[position]! ^= xor;
          break;
        case 'truncate':
          buffer = buffer.subarray(0, clamp(step[1]));
          break;
        case 'insert':
          buffer = Buffer.concat([buffer.subarray(0, clamp(step[1])), step[2], buffer.subarray(clamp(step[1]))]);
          break;
        case 'repeat': {
          const [from, to] = [clamp(Math.min(step[1], step[2])), clamp(Math.max(step[1], step[2]))];
          const slice = buffer.subarray(from, Math.min(to, from + 4096));
          buffer = Buffer.concat([
            buffer.subarray(0, to),
            ...Array.from({ length: step[3] }, () => slice),
            buffer.subarray(to),
          ]);
          break;
        }
        case 'delete': {
          const [from, to] = [clamp(Math.min(step[1], step[2])), clamp(Math.max(step[1], step[2]))];
          buffer = Buffer.concat([buffer.subarray(0, from), buffer.subarray(to)]);
          break;
        }
      }
    }
    return buffer;
  });
}
