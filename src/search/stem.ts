/**
 * A light stemmer for index terms (already folded, singular and American): it strips the suffixes
 * that turn a verb into its forms and its action noun, so distil, distill, distilled, distilling and
 * distillation meet, as do segment / segmentation and quantize / quantized / quantization. It leaves
 * -er, -ive, -al and -ity alone (transformer is not transformation, general is not generation).
 * The stem is always a prefix of the term, so the terms sharing it are found by a prefix lookup.
 */
export function stem(term: string): string {
  const known = memo.get(term);
  if (known !== undefined) return known;
  const out = strip(term);
  if (memo.size >= 200_000) memo.clear();
  memo.set(term, out);
  return out;
}

const memo = new Map<string, string>();
const MIN_STEM = 4;
const SUFFIXES = ['izations', 'ization', 'izer', 'ations', 'ation', 'ions', 'ion', 'ing', 'ed', 'e'];

function strip(term: string): string {
  if (term.length <= MIN_STEM || /\d/.test(term)) return term;
  let s = term;
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= MIN_STEM) {
      s = s.slice(0, -suffix.length);
      // -ization, -izer: the stem keeps its -iz (quantiz-), as quantize does once its e is gone.
      if (suffix.startsWith('iz')) s += 'iz';
      break;
    }
  }
  // A doubled final consonant is one (distill → distil, embedd → embed); not s (compress, class).
  if (s.length > MIN_STEM && /([b-df-hj-np-rt-z])\1$/.test(s)) s = s.slice(0, -1);
  return s;
}
