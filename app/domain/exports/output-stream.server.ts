import { PassThrough, type Writable } from 'node:stream';

// The byte stream an export writes into and the response reads from. Writers
// call `flowControl` between batches: when the client reads slower than we
// produce, we stop reading the cursor instead of buffering the file in memory.

export class ExportAborted extends Error {
  constructor() {
    super('export stream closed before the end');
    this.name = 'ExportAborted';
  }
}

export function createOutputStream(): PassThrough {
  return new PassThrough({ highWaterMark: 256 * 1024 });
}

export async function flowControl(out: PassThrough): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  await drained(out);
  if (out.destroyed) throw new ExportAborted();
}

/** Resolves once a stream whose write was refused (writableNeedDrain) has drained, or closed. */
export async function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Writes a chunk, waiting for the reader when the buffer is full. */
export async function writeChunk(out: PassThrough, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (!out.write(chunk)) await flowControl(out);
}
