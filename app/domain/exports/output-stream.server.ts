import { PassThrough } from 'node:stream';

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
  // Set when a write (ours, or the pipe from exceljs's zip) was refused.
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
  if (out.destroyed) throw new ExportAborted();
}

/** Writes a chunk, waiting for the reader when the buffer is full. */
export async function writeChunk(out: PassThrough, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new ExportAborted();
  if (!out.write(chunk)) await flowControl(out);
}
