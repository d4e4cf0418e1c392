import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LoadedCorpus } from '../corpus/load.js';
import type { ParseOptions } from '../corpus/parse.js';
import type { SerializedIndex } from './index.js';

/**
 * A snapshot is the parsed corpus and the serialised index of one corpus directory, saved so an
 * unchanged corpus starts without parsing or indexing. File layout: MAGIC, the SHA-256 of the
 * payload, then the payload (v8-serialised). Anything that does not check out is rebuilt.
 */
const MAGIC = Buffer.from('PAPERWIRE-SNAPSHOT-4\n');
const DIGEST_BYTES = 32;

export interface SnapshotPayload {
  key: string;
  corpus: LoadedCorpus;
  index: SerializedIndex;
}

export type SnapshotMiss = 'missing' | 'stale' | 'corrupt';

/** Where the snapshot of `corpusDir` lives: one file per corpus directory. */
export function snapshotPath(cacheDir: string, corpusDir: string): string {
  const dirHash = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 16);
  return join(cacheDir, `library-${dirHash}.snapshot`);
}

/**
 * The key of a corpus as it is on disk now: every `*.txt` page's name and bytes, the parse options,
 * and today's date when a page's year is worked out from the clock (it can change with the date).
 */
export async function corpusKey(dir: string, options: ParseOptions): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.txt')).sort();
  const hash = createHash('sha256').update(`year=${options.year ?? ''}\0`);
  for (const name of names) {
    try {
      const info = await stat(join(dir, name));
      if (!info.isFile()) continue;
      const bytes = await readFile(join(dir, name));
      hash.update(`${name}\0${bytes.length}\0`).update(bytes);
    } catch {
      hash.update(`${name}\0unreadable\0`);
    }
  }
  return hash.digest('hex');
}

/** The clock-dependent part of a key: today's date when any page's year came from the clock. */
export function clockPart(corpus: LoadedCorpus, now: Date): string {
  const usesClock = corpus.files.some((f) => f.yearSource === 'clock' || f.yearSource === 'inferred');
  return usesClock ? now.toISOString().slice(0, 10) : '';
}

/** Reads and verifies a snapshot; `key` must be what it was saved under. */
export async function readSnapshot(path: string, key: string, now: Date): Promise<SnapshotPayload | SnapshotMiss> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return 'missing';
  }
  const header = MAGIC.length + DIGEST_BYTES;
  if (bytes.length < header || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'corrupt';
  const payloadBytes = bytes.subarray(header);
  const digest = createHash('sha256').update(payloadBytes).digest();
  if (!digest.equals(bytes.subarray(MAGIC.length, header))) return 'corrupt';
  let payload: SnapshotPayload;
  try {
    payload = deserialize(payloadBytes) as SnapshotPayload;
  } catch {
    return 'corrupt';
  }
  if (typeof payload?.key !== 'string' || !Array.isArray(payload.corpus?.papers)) return 'corrupt';
  return payload.key === `${key}/${clockPart(payload.corpus, now)}` ? payload : 'stale';
}

/** Writes a snapshot atomically (a reader sees the old file or the new one, never half of one). */
export async function writeSnapshot(path: string, key: string, now: Date, corpus: LoadedCorpus, index: SerializedIndex): Promise<void> {
  const payload: SnapshotPayload = { key: `${key}/${clockPart(corpus, now)}`, corpus, index };
  const payloadBytes = serialize(payload);
  const digest = createHash('sha256').update(payloadBytes).digest();
  await mkdir(resolve(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, Buffer.concat([MAGIC, digest, payloadBytes]));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
