import { compoundWords } from '../text/words.js';
import { stem } from './words.js';

/**
 * References a one-sentence summary cannot carry: "this bottleneck", "these issues", "such methods",
 * "the above", a sentence that opens on "It" or "However". They point at sentences of the abstract the
 * reader of a TL;DR or a key point never sees. Used to reject and repair sentences, by the corpus
 * regression test and by the benchmark's dangling count.
 */

/** "this paper", "this work": the paper itself, which every reader has in front of them. */
const SELF =
  /^(?:paper|papers|work|study|article|report|letter|note|survey|thesis|manuscript|chapter|position|tutorial|review|contribution|research|submission)\b/i;
/** Determiners that point back; "that" is left out (mostly a conjunction in abstracts). */
const POINTER = /\b(this|these|those|such)\b/gi;
/** Always pointing outside one sentence. */
const ALWAYS =
  /\b(?:the (?:above|aforementioned|above-mentioned|former|latter)|aforementioned|above-mentioned|as mentioned)\b|\b(?:of|for|to|in|on) both[.!?]?$/i;
/** A sentence that opens on a pronoun or a link to the sentence before. */
const OPENER =
  /^(?:(?:it|its|they|their|them|these|those|this|such|he|she|his|her)\b(?!\s+(?:paper|work|study|article|report)\b)|(?:however|therefore|thus|hence|moreover|furthermore|additionally|nevertheless|nonetheless|consequently|accordingly|instead|similarly|likewise|besides|meanwhile|then|also|still|yet|otherwise|in contrast|by contrast|on the other hand|in addition|as a result|as such|in turn|to (?:this|that) end|to do so|for this reason|second(?:ly)?|third(?:ly)?|finally|lastly|next)(?=,|\s+(?:we|it|they|this|these|the|our|its|their)\b))/i;
/** "We also propose …": one of several contributions, the first of which is elsewhere. */
const ALSO = /\b(?:we|it|they) (?:also|further|additionally|furthermore|moreover)\b/i;
/** Words after "this" that make it a pronoun ("This leads to …", "this is …"), not a determiner. */
const PRONOUN_FOLLOWER =
  /^(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|do|did|not|also|allows?|enables?|leads?|results?|means?|makes?|yields?|gives?|helps?|provides?|requires?|shows?|suggests?|implies|motivates?|raises?|limits?|hinders?|causes?|becomes?|remains?|poses?|[,.;:)])/i;

/** Where the noun phrase after a pointer ends: its first function word and what follows. */
const FUNCTION_WORDS_ON =
  /\s+\b(?:is|are|was|were|be|has|have|the|a|an|of|to|in|on|for|with|and|or|by|that|which|as|at|from|can|could|will|would|into|than)\b.*$/i;

export interface DanglingReference {
  /** The words that point outside the sentence, as written. */
  phrase: string;
}

/** Every reference in `sentence` to something the sentence does not contain (empty when none). */
export function danglingReferences(sentence: string): DanglingReference[] {
  const found: DanglingReference[] = [];
  const text = sentence.trim();
  const opener = OPENER.exec(text);
  if (opener) found.push({ phrase: opener[0] });
  const always = ALWAYS.exec(text);
  if (always) found.push({ phrase: always[0] });
  const also = ALSO.exec(text);
  if (also) found.push({ phrase: also[0] });
  for (const m of text.matchAll(POINTER)) {
    const at = m.index ?? 0;
    if (at === 0 && opener) continue;
    const word = (m[1] ?? '').toLowerCase();
    const after = text.slice(at + m[0].length).trimStart();
    if (word === 'such' && /^(?:as|that)\b/i.test(after)) continue;
    if (word === 'those' && /^(?:who|that|which|of|in|with|from|for|whose|where)\b/i.test(after)) continue;
    if (PRONOUN_FOLLOWER.test(after) || after === '') {
      found.push({ phrase: m[0] });
      continue;
    }
    // The noun phrase after the pointer: up to three words, numbers and "a/an" ("such a model") skipped.
    const phrase = (
      /^(?:(?:a|an|two|three|four|both|kinds? of|types? of|sorts? of)\s+)*((?:[\p{L}\p{N}][\p{L}\p{N}'-]*\s*){1,3})/iu.exec(after)?.[1] ?? ''
    ).trim();
    // Only the words of the noun phrase itself: "this disparity | is the" must not find its antecedent in "The …".
    const nouns = compoundWords(phrase.replace(FUNCTION_WORDS_ON, '')).map(stem);
    if (nouns.length === 0 || SELF.test(phrase)) continue;
    // An antecedent earlier in the same sentence: "… a loss for Y; this loss …".
    const before = new Set(compoundWords(text.slice(0, at)).map(stem));
    if (nouns.some((n) => n.length > 2 && before.has(n))) continue;
    found.push({ phrase: `${m[0]} ${phrase}`.trim() });
  }
  return found;
}

export function hasDanglingReference(sentence: string): boolean {
  return danglingReferences(sentence).length > 0;
}

/** Function words a sentence cannot end on. */
const OPEN_END =
  /\b(?:a|an|the|of|to|for|and|or|but|with|by|in|on|at|from|as|that|which|its|their|our|is|are|be|was|were|can|via|into|than|such|e\.g|i\.e)[,;:]?[.!?]$/i;

/**
 * A TL;DR that is not a whole sentence: cut with an ellipsis, no closing stop, an open bracket, a
 * trailing function word, a lower-case start that is not a name, or no verb at all.
 */
export function isFragment(sentence: string): boolean {
  const text = sentence.trim();
  if (text.length < 20) return true;
  if (/…|\.\.\.$/.test(text)) return true;
  if (!/[.!?]["')\]]*$/.test(text)) return true;
  // "a framework for, whose …": a preposition or article cut from what it governs.
  if (OPEN_END.test(text) || /\b(?:a|an|the|of|for|to|with|by|from|into)[,;:]\s/i.test(text)) return true;
  if (/^[a-z]/.test(text) && !/^[a-z][\p{L}\p{N}-]*[A-Z0-9]/u.test(text)) return true;
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return true;
  }
  if (depth !== 0) return true;
  return !hasVerb(text);
}

/** A finite verb, roughly: an auxiliary, a common verb, or a third-person or past form after a subject. */
const VERB = /\b(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|does|do|did|\p{L}{2,}(?:s|ed))\b/iu;
function hasVerb(text: string): boolean {
  if (/^(?:we|they|i|you)\s+\S/i.test(text)) return true;
  // The first word is the subject more often than the verb ("Transformers …").
  return VERB.test(text.replace(/^\S+\s*/, ''));
}
