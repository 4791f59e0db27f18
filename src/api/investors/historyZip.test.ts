import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipStream, type ArchiveFile } from './historyZip.ts';

/** `count` files of `size` random bytes (stored, as PDFs are), counting how many were made. */
function files(count: number, size: number) {
  const made = { count: 0 };
  async function* generate(): AsyncGenerator<ArchiveFile> {
    for (let i = 0; i < count; i += 1) {
      made.count += 1;
      yield { path: `f${i}.bin`, body: randomBytes(size), compressed: true };
    }
  }
  return { made, generate };
}

describe('zipStream', () => {
  it('writes every file and a manifest whose SHA-256 match them', async () => {
    const { generate } = files(5, 1000);
    const chunks: Buffer[] = [];
    await pipeline(
      zipStream(generate(), { dealId: 'x' }),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    const unzipped = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    const manifest = JSON.parse(strFromU8(unzipped['manifest.json'] as Uint8Array)) as {
      dealId: string;
      files: { path: string; bytes: number }[];
    };
    expect(manifest.dealId).toBe('x');
    expect(manifest.files.map((f) => f.path)).toEqual([
      'f0.bin',
      'f1.bin',
      'f2.bin',
      'f3.bin',
      'f4.bin',
    ]);
  });

  it('makes the next file only once the client took the last, and stops when it goes away', async () => {
    const { made, generate } = files(40, 256 * 1024);
    const stream = zipStream(generate(), {});
    // A client that reads one chunk and then leaves.
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.pause();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(made.count).toBeLessThan(40);
    stream.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = made.count;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(made.count).toBe(after);
    expect(after).toBeLessThan(40);
  });
});
