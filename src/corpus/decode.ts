/** Turns the bytes of a page file into text, or says why they are not text. */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodePage(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const sample = bytes.subarray(0, 8192);
  const utf16 = guessBomlessUtf16(sample);
  if (utf16) return { ok: true, text: new TextDecoder(utf16).decode(bytes) };
  // A stray NUL in a text page is dropped with the other control characters; many of them mean binary.
  if (countNul(sample) > sample.length * 0.01) return { ok: false, reason: 'binary file (contains NUL bytes), not a text page' };
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (looksBinary(text.slice(0, 8192))) return { ok: false, reason: 'binary file (mostly non-text bytes), not a text page' };
  return { ok: true, text };
}

/** UTF-16 text without a BOM shows NUL in every other byte when it is mostly ASCII. */
function guessBomlessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (sample.length < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) bad++;
  }
  return bad / text.length > 0.1;
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n;
}
