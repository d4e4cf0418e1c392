/**
 * Shortening one sentence to a length budget without changing what it says: drop asides first
 * (URLs, examples, long brackets), then a leading connective clause, then cut at a clause boundary,
 * and only as a last resort cut at a word with an ellipsis.
 */

const CITATION = /\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g;
const URL = /\s*\(?\bhttps?:\/\/\S+?\)?(?=[\s,;.]*(?:\s|$))/g;
const EXAMPLE_ASIDE = /\s*\((?:e\.g\.|i\.e\.|such as|see|including|as of|resp\.|respectively)[^()]*\)/gi;
/** A trailing list of examples (", such as A, B and C.") carries detail, not the point. */
const TRAILING_EXAMPLES = /,?\s+(?:e\.g\.,?|i\.e\.,?|such as|including)\s[^;:]*?(?=[.!?]?$)/i;

/**
 * Leading clauses that set the scene rather than say the contribution ("To address this, we …",
 * "In this paper, we …"). Only removed when what follows can stand alone.
 */
const LEADING_CLAUSE =
  /^(?:(?:to (?:address|tackle|solve|overcome|bridge|fill|close|remedy|alleviate|mitigate|handle|fix|resolve|meet|this end|that end|do so|achieve this|this aim)|in (?:this|the present|our) (?:paper|work|study|report|article|letter|note|research)|in response|motivated by|inspired by|building (?:on|upon)|based on|addressing|against this backdrop|with this in mind|to this end|given|towards|toward|for this purpose|in light of|in contrast|instead|here|hence|therefore|thus|consequently|accordingly|(?:more )?specifically|more precisely|in detail|namely|concretely|furthermore|moreover|additionally|in addition|finally|first(?:ly)?|second(?:ly)?|third(?:ly)?|overall|in particular|notably|importantly|to (?:this|that) end|in summary|in short|in sum|as a result|to (?:fill|bridge) (?:this|the) gap)\b[^,]{0,90}),\s+/i;

/**
 * Any other purpose, means or frame clause before "we …" ("To fuse the two modalities, we design …",
 * "Using the Llama architecture, we pretrain …", "Herein, we introduce …").
 */
const LEADING_FRAME =
  /^(?:to|in|with|by|for|using|leveraging|exploiting|following|unlike|given|inspired|motivated|driven|based|building|herein|here|thereby|through|via|on|at|as|after|since|because|while|when|beyond|towards?)\b[^,]{0,170},\s+(?=(?:we|our|this (?:paper|work|study))\s)/i;

/** The same inside a "that" clause: "We show that by using X, we can Y" → "We show that we can Y". */
const INNER_FRAME = /\bthat (?:by|using|with|through|via|when|if|after|for) [^,]{5,140}, (?=(?:we|it|they|our)\s)/i;

/** Where a sentence may be cut, strongest first: what comes after is an elaboration. */
const STRONG_BOUNDARIES = [
  /;\s/g,
  /,\s(?=which\b|where\b|whereas\b|while\b|thereby\b|thus\b|enabling\b|allowing\b|leading\b|resulting\b|making\b|achieving\b|yielding\b|showing\b|demonstrating\b|outperforming\b|surpassing\b|reducing\b|improving\b|providing\b|offering\b|as well as\b|but\b|so\b|with\b|without\b|using\b|including\b|such as\b|through\b|via\b|who\b|e\.g\.|i\.e\.)/g,
  /\s[—–]\s/g,
  /:\s/g,
];
/** Adjuncts: "… distillation from MLLMs | using moderate resources". */
const ADJUNCT_BOUNDARIES = [/\s(?=(?:using|by|via|through|without|across|under|based on|in order to|along with|together with)\s)/g];
/** Last resort before an ellipsis: a relative clause or complement ("… duality (HSM-SSD) | that captures …"). */
const LAST_BOUNDARIES = [/\s(?=(?:that|with|within|to|for|in|on)\s)/g];
const WEAK_BOUNDARIES = [/,\s/g, /\s(?=(?:which|while|where|whereas)\s)/g, /\s(?=and\s+[a-z]+ing\s)/g];

/** Words a cut sentence must not end with. */
export const DANGLING =
  /\b(?:a|an|the|of|to|for|and|or|but|with|by|in|on|at|from|as|that|which|its|their|our|is|are|be|was|were|can|via|into|than|both|either|such|based|due|according|compared|relative|prior|thanks|easier|harder|similar|close|related|equivalent|leading|along|together|e\.g|i\.e|(?:reveal|demonstrate|show|indicate|suggest|find|prove|confirm|observe|note|include|ensure)[sd]?|\d+(?:\.\d+)?)[,;:]?$/i;

export interface Compressed {
  text: string;
  /** true when part of the sentence was left out. */
  shortened: boolean;
}

/** Asides that never belong in a short summary, removed whatever the length. */
export function cleanSentence(sentence: string): string {
  return tidy(sentence.replace(URL, '').replace(CITATION, '').replace(EXAMPLE_ASIDE, ''));
}

/** The sentence without a scene-setting lead-in ("To address this, we propose X" → "We propose X"). */
export function dropLeadingClause(sentence: string): string {
  const match = LEADING_CLAUSE.exec(sentence) ?? LEADING_FRAME.exec(sentence);
  // "In this paper we present a system, called FaceNet, …": the lead-in holds the main clause.
  if (!match || /\b(?:we|our)\b/i.test(match[0].replace(/,\s+$/, ''))) return sentence;
  const rest = sentence.slice(match[0].length);
  if (rest.length < 40 || !/^(?:we|our|this|these|the|a|an|it|[A-Z0-9]\S*)\b/i.test(rest)) return sentence;
  return capitalise(rest);
}

/**
 * Praise that carries no information in a one-line summary ("a novel", "a simple yet effective", "an
 * easy-to-implement"); words that say what the method covers ("general", "generic", "versatile") stay.
 */
const HYPE =
  /\b(an?) (?:novel|new(?! (?:dataset|benchmark|corpus)s?\b)|simple (?:yet|but|and) (?:effective|efficient|powerful)|simple,? yet (?:effective|efficient|powerful)|effective|practical|easy-to-implement|simple|powerful|flexible|principled|straightforward|innovative|elegant) (?!(?:and|or|but|yet|one|enough|to|in|for|as)(?![\w-]))(?=([\w-]+))/gi;

export function dropHype(text: string): string {
  return text.replace(HYPE, (_, article: string, next: string) => {
    const vowel = (/^[aeio]/i.test(next) && !/^(?:one\b|once\b)/i.test(next)) || (/^[A-Z]{2}/.test(next) && /^[AEFHILMNORSX]/.test(next));
    const fixed = vowel ? 'an' : 'a';
    return `${article.charAt(0) === 'A' ? fixed.charAt(0).toUpperCase() + fixed.slice(1) : fixed} `;
  });
}

export function compress(sentence: string, max: number): Compressed {
  const original = tidy(sentence);
  // Twice: "Specifically, inspired by X, we propose Y" has two lead-ins.
  let text = dropHype(dropLeadingClause(dropLeadingClause(cleanSentence(original))));
  // "… advantages in the audio domain: 1) extreme compression." (the list went on in other sentences).
  text = text.replace(/^(.{60,}?):\s*\(?(?:1|i|a)\)\s?.*$/, '$1.');
  if (text.length > max) text = tidy(text.replace(TRAILING_EXAMPLES, ''));
  if (text.length > max) text = text.replace(INNER_FRAME, 'that ');
  // Long asides in brackets go; a bracketed name or acronym ("(EfficientViM)", "(HSM-SSD)") stays.
  if (text.length > max) text = tidy(text.replace(/\s*\((?=[^()]*\s)[^()]{12,}\)/g, ''));
  if (text.length <= max) return { text: finish(text), shortened: text !== original };
  const cut = cutAtBoundary(text, max - 1) ?? cutAtWord(text, max - 1);
  return { text: cut, shortened: true };
}

function cutAtBoundary(text: string, max: number): string | undefined {
  const min = Math.min(60, Math.floor(max * 0.4));
  for (const group of [STRONG_BOUNDARIES, ADJUNCT_BOUNDARIES, WEAK_BOUNDARIES, LAST_BOUNDARIES]) {
    let best: number | undefined;
    for (const pattern of group) {
      for (const m of text.matchAll(pattern)) {
        const end = m.index ?? 0;
        if (end < min || end > max) continue;
        const head = text.slice(0, end).replace(/[,;:\s]+$/, '');
        // What follows a comma must not be the main clause ("by using X, | we can search …").
        const after = text.slice(end);
        // Never inside an enumeration ("… domain: 1) extreme compression, 2) …").
        const inList = after.startsWith(',') && /(?:^|[\s(:])(?:\(?\d\)|\([a-z]\)|\d\.)\s?[^,;:]*(?:,[^,;:]*)*$/.test(head.slice(head.lastIndexOf(':') + 1));
        // "… the predictors computed | by gradient descent": the agent of a participle stays with it.
        const agentCut = group === ADJUNCT_BOUNDARIES && /\b\w+ed$/.test(head) && /^\s+by\s/.test(after);
        // "designed | to …", "able | to …": the complement is needed; and the rest must be a real part.
        const needsComplement = group === LAST_BOUNDARIES && (/\b\w+(?:ed|able)$/.test(head) || end < max * 0.5);
        if (
          agentCut ||
          needsComplement ||
          inList ||
          DANGLING.test(head) ||
          unbalanced(head) ||
          /^[\s,]*\d/.test(after) ||
          /^,\s+(?:we|it|they|this|these|our|the model|the method)\s/i.test(after)
        )
          continue;
        if (best === undefined || end > best) best = end;
      }
    }
    if (best !== undefined) return finish(text.slice(0, best).replace(/[,;:\s—–]+$/, ''));
  }
  return undefined;
}

/** The last resort: whole words up to the budget, then an ellipsis. */
function cutAtWord(text: string, max: number): string {
  let head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  // A word longer than half the budget is cut inside, marked by the ellipsis.
  if (space > max / 2) head = head.slice(0, space);
  head = head.replace(/[,;:\s(—–-]+$/, '');
  while (DANGLING.test(head) && head.lastIndexOf(' ') > 0) head = head.slice(0, head.lastIndexOf(' ')).replace(/[,;:\s]+$/, '');
  return `${head}…`;
}

function unbalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth !== 0;
}

function finish(text: string): string {
  const t = text.replace(/[,;:\s]+$/, '');
  return /[.!?…。！？]["')\]]*$/.test(t) ? t : `${t}.`;
}

export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([,;:])(?=[,.;:])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function capitalise(text: string): string {
  // Names like "iLLaMA" or "pLSTM" keep their casing.
  if (/^[a-z][a-z0-9-]*[A-Z]/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "A method …" → "a method …" when it moves into the middle of a sentence. */
export function lowerFirst(text: string): string {
  return /^(?:A|An|The)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
