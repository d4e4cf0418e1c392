/**
 * The plainer words a researcher's one-line summary uses for the abstract's: "outperforming" →
 * "beating", "achieving" → "reaching" (a gain in speed or size: "giving"), "utilizes" → "uses", ", introducing X" → ", with X". Only
 * replacements that read the same in any context and are never longer, so a TL;DR that fitted still fits.
 */
const PLAIN: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:outperform|surpass)ing\b/g, 'beating'],
  // A gain in speed or size is given, a score reached: "achieving up to 3.65x higher throughput" → "giving …".
  [/\bachieving (?=[^,;]{0,40}?\b(?:speed-?ups?|throughput|acceleration|faster|fewer|less|reductions?|lower|smaller|savings?)\b)/g, 'giving '],
  [/\bachieving\b/g, 'reaching'],
  [/\b(?:utiliz|utilis|employ|leverag)ing\b/g, 'using'],
  [/\b(?:utiliz|utilis)es\b/g, 'uses'],
  [/\b(?:employ|leverage)s\b/g, 'uses'],
  [/\bin terms of\b/g, 'in'],
  // A clause on how it works says what the method has, not that the paper announces it: ", introducing X" → ", with X".
  [/, (?:introducing|proposing|presenting|developing|designing|devising) /g, ', with '],
  // "on the GLUE benchmark" → "on GLUE": a named benchmark needs neither.
  [/\bthe ([A-Z][\w.-]*\d?[\w.-]*(?: [A-Z0-9][\w.-]*)?) (?:benchmarks?|datasets?)\b/g, '$1'],
];

export function plainWords(text: string): string {
  let out = text;
  for (const [pattern, word] of PLAIN) out = out.replace(pattern, word);
  return out;
}
