import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';

import { InputError } from './errors.js';
import type { InputSource } from './inputs.js';

const SNIFF_BYTES = 8192;
const STREAM_CHUNK_BYTES = 1024 * 1024;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Text of one source, in chunks. Small files arrive in one piece; large files and stdin stream,
 * so no file needs to fit in one JavaScript string. UTF-8 (with or without a BOM) and UTF-16 with
 * a BOM (what Windows PowerShell's `>` writes) are decoded; anything else with NUL bytes is binary.
 */
export async function* readText(source: InputSource, streamThresholdBytes: number): AsyncGenerator<string> {
  if (source.kind === 'file') {
    // Synchronous on purpose: a scan reads thousands of small files one after another, and an
    // awaited read leaves the CPU idle for a libuv round trip each time.
    const fd = openSync(source.path, 'r');
    let whole: Buffer | undefined;
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new InputError('is a directory');
      if (stat.size < streamThresholdBytes) whole = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    if (whole !== undefined) {
      yield decodeWhole(whole);
      return;
    }
    yield* decodeStream(createReadStream(source.path, { highWaterMark: STREAM_CHUNK_BYTES }));
    return;
  }
  if (source.kind === 'text') {
    yield source.text;
    return;
  }
  yield* decodeStream(process.stdin);
}

function decodeWhole(bytes: Buffer): string {
  const encoding = sniff(bytes);
  if (encoding === 'utf-8') {
    const start = hasUtf8Bom(bytes) ? 3 : 0;
    return bytes.toString('utf8', start);
  }
  return new TextDecoder(encoding).decode(bytes);
}

async function* decodeStream(stream: AsyncIterable<unknown>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Buffer | undefined;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (decoder === undefined) {
      pending = pending === undefined ? bytes : Buffer.concat([pending, bytes]);
      if (pending.length < SNIFF_BYTES) continue;
      decoder = new TextDecoder(sniff(pending));
      yield decoder.decode(pending, { stream: true });
      pending = undefined;
      continue;
    }
    if (bytes.includes(0) && decoder.encoding === 'utf-8') throw new InputError('binary content (NUL bytes) in a text stream');
    yield decoder.decode(bytes, { stream: true });
  }
  if (decoder === undefined) {
    if (pending === undefined) return;
    decoder = new TextDecoder(sniff(pending));
    yield decoder.decode(pending);
    return;
  }
  yield decoder.decode();
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function sniff(bytes: Buffer): Encoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) throw new InputError('binary file (NUL bytes; UTF-16 needs a byte-order mark), skipped');
  return 'utf-8';
}
