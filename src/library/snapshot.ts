import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isoToday } from '../corpus/dates.js';
import type { LoadedCorpus } from '../corpus/load.js';
import type { ParseOptions } from '../corpus/parse.js';
import type { Paper } from '../corpus/types.js';
import { runInSlices, type Steps } from '../util/steps.js';
import type { SerializedIndex } from '../search/index.js';

/**
 * A snapshot is the parsed corpus and the serialised index of one corpus directory, saved so an
 * unchanged corpus starts without parsing or indexing. File layout: MAGIC, the key's length (4 bytes,
 * big-endian) and the key, the SHA-256 of key and payload, then the payload (v8-serialised, the
 * papers in chunks). The key comes first so a stale snapshot is turned down without reading the rest;
 * anything that does not check out is rebuilt. Writing, hashing and reading run in slices, so a live
 * reload of a large corpus never holds the event loop for long.
 */
const MAGIC = Buffer.from('PAPERWIRE-SNAPSHOT-5\n');
const DIGEST_BYTES = 32;
const LENGTH_BYTES = 4;
const PAPERS_PER_CHUNK = 2_000;
const HASH_SLICE_BYTES = 8 * 1024 * 1024;

export interface SnapshotPayload {
  corpus: LoadedCorpus;
  index: SerializedIndex;
}

/** What the file holds after the header: the corpus without its papers, which follow in chunks. */
interface Stored {
  corpus: Omit<LoadedCorpus, 'papers'>;
  index: SerializedIndex;
  paperChunks: Uint8Array[];
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
  return usesClock ? isoToday(now) : '';
}

/** Reads and verifies a snapshot; `key` must be what it was saved under. */
export async function readSnapshot(path: string, key: string, now: Date): Promise<SnapshotPayload | SnapshotMiss> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return 'missing';
  }
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, MAGIC.length + LENGTH_BYTES));
    await readFully(handle, head, 0);
    if (head.length < MAGIC.length + LENGTH_BYTES || !head.subarray(0, MAGIC.length).equals(MAGIC)) return 'corrupt';
    const keyLength = head.readUInt32BE(MAGIC.length);
    const payloadAt = MAGIC.length + LENGTH_BYTES + keyLength + DIGEST_BYTES;
    if (keyLength > 1024 || size < payloadAt) return 'corrupt';
    const keyAndDigest = Buffer.alloc(keyLength + DIGEST_BYTES);
    await readFully(handle, keyAndDigest, MAGIC.length + LENGTH_BYTES);
    const keyBytes = keyAndDigest.subarray(0, keyLength);
    const savedKey = keyBytes.toString('utf8');
    // Saved under `${key}/` when no page's year came from the clock, else `${key}/${the day}`.
    if (savedKey !== `${key}/` && savedKey !== `${key}/${isoToday(now)}`) return 'stale';
    const payload = Buffer.alloc(size - payloadAt);
    await readFully(handle, payload, payloadAt);
    const digest = await sha256InSlices([keyBytes, payload]);
    if (!digest.equals(keyAndDigest.subarray(keyLength))) return 'corrupt';
    return await runInSlices(unpack(payload));
  } catch {
    return 'corrupt';
  } finally {
    await handle.close();
  }
}

async function readFully(handle: FileHandle, into: Buffer, position: number): Promise<void> {
  for (let done = 0; done < into.length; ) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('the snapshot ended early');
    done += bytesRead;
  }
}

function* unpack(payload: Buffer): Steps<SnapshotPayload | 'corrupt'> {
  const stored = deserialize(payload) as Stored;
  if (!Array.isArray(stored?.paperChunks) || !Array.isArray(stored.corpus?.files)) return 'corrupt';
  const papers: Paper[] = [];
  for (const chunk of stored.paperChunks) {
    yield;
    const part = deserialize(chunk) as Paper[];
    if (!Array.isArray(part)) return 'corrupt';
    for (const paper of part) papers.push(paper);
  }
  yield;
  return { corpus: { ...stored.corpus, papers }, index: { ...stored.index, postings: ownBuffers(stored.index.postings) } };
}

/**
 * Node deserialises a typed array as a view into the buffer it was read from when it can: the
 * postings would keep the whole file (hundreds of MB at 100,000 papers) alive. Each gets its own copy.
 */
function ownBuffers<T extends object>(value: T): T {
  const out = { ...value } as Record<string, unknown>;
  for (const [key, field] of Object.entries(out)) if (ArrayBuffer.isView(field) && !(field instanceof DataView)) out[key] = (field as Uint8Array).slice();
  return out as T;
}

/** Writes a snapshot atomically (a reader sees the old file or the new one, never half of one). */
export async function writeSnapshot(path: string, key: string, now: Date, corpus: LoadedCorpus, index: SerializedIndex): Promise<void> {
  const keyBytes = Buffer.from(`${key}/${clockPart(corpus, now)}`);
  const payload = await runInSlices(pack(corpus, index));
  const digest = await sha256InSlices([keyBytes, payload]);
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(keyBytes.length);
  await mkdir(resolve(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writev([MAGIC, length, keyBytes, digest, payload]);
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function* pack(corpus: LoadedCorpus, index: SerializedIndex): Steps<Buffer> {
  const { papers, ...rest } = corpus;
  const paperChunks: Uint8Array[] = [];
  for (let start = 0; start < papers.length; start += PAPERS_PER_CHUNK) {
    yield;
    paperChunks.push(serialize(papers.slice(start, start + PAPERS_PER_CHUNK)));
  }
  yield;
  const stored: Stored = { corpus: rest, index, paperChunks };
  return serialize(stored);
}

/** SHA-256 of the buffers in turn, a few MB at a time between other work. */
function sha256InSlices(parts: Buffer[]): Promise<Buffer> {
  return runInSlices(
    (function* () {
      const hash = createHash('sha256');
      for (const part of parts) {
        for (let at = 0; at < part.length; at += HASH_SLICE_BYTES) {
          hash.update(part.subarray(at, at + HASH_SLICE_BYTES));
          yield;
        }
      }
      return hash.digest();
    })(),
  );
}
