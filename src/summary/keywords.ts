import { findDefinitions } from '../text/acronyms.js';
import { PHRASE_STOPWORDS } from '../text/words.js';
import { stem } from './words.js';

/**
 * Key phrases in the manner of RAKE: runs of meaningful words between stopwords and punctuation,
 * scored by how often they occur, whether the title uses them and how specific they are.
 */

/** Words that split phrases like stopwords do: they are everywhere in abstracts and name nothing. */
const FILLER = new Set(
  `propose proposes proposed introduce introduces introduced present presents presented show shows shown showing demonstrate
  demonstrates demonstrated achieve achieves achieved achieving novel new existing various different extensive significant
  significantly better best state-of-the-art sota paper work approach approaches method methods results result based using use
  uses used experiment experiments experimental outperform outperforms outperforming improve improves improved improving
  demonstrating study studies first well simple effective efficient efficiently effectively furthermore moreover additionally
  specifically including include includes respectively however recent recently previous prior current key enables enable enabling
  allows allowing across while leading strong large small high low performance remarkable superior competitive comparable
  task tasks problem problems challenge challenges challenging framework model models code available publicly release released
  github https http www com org io data-driven called named dubbed termed term design designed develop developed developing
  e.g i.e et al etc vs per via able ability capable leverage leverages leveraging utilize utilizes address addresses addressing
  whereas able often typically still even much many more most less least new novel furthermore thereby despite given way ways
  make makes making provide provides providing remains remain aims aim goal goals evaluate evaluated evaluation evaluations
  benchmark benchmarks analysis analyses important crucial critical promising impressive substantial substantially great
  number numbers several diverse wide widely variety range set sets order terms term lack lacks limited limitation limitations
  time times potential capability capabilities multiple kind kinds manner extra capture captures captured capturing extract
  extracts extracted recover recovers recovered define defines defined derive derives derived explore explores exploring explored
  connect connects connected exploit exploits exploited obtain obtains obtained yield yields yielded reach reaches reached
  consist consists consisting require requires required requiring allow allows allowed help helps helped need needs needed
  existing specific general generic overall first second third one two three four five whole entire particular certain
  regarding related relevant respective corresponding associated additional further better-performing surprising surprisingly
  notably particularly highly fully largely mainly mostly directly easily readily simply jointly simultaneously
  approximately nearly roughly up fast faster slower lower higher larger smaller`
    .split(/\s+/)
    .filter(Boolean),
);

interface Candidate {
  /** Stemmed, lower-cased words joined by spaces: the identity of the phrase. */
  key: string;
  size: number;
  count: number;
  inTitle: boolean;
  acronym: boolean;
  firstAt: number;
  /** Surface forms seen, with how often each was seen. */
  forms: Map<string, number>;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function extractKeywords(title: string, abstract: string, options: { min?: number; max?: number } = {}): string[] {
  const { min = 3, max = 6 } = options;
  // Links name repositories, not topics ("github.com/foo/foonet" must not make "FooNet" lower case).
  abstract = abstract.replace(/\b(?:https?:\/\/|www\.)\S+|(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,5}\.(?:com|org|io|net|ai)\/\S*/gi, ' ');
  const candidates = new Map<string, Candidate>();
  const evidence = caseEvidence(abstract);
  const acronyms = definedAcronyms(abstract + ' ' + title);
  // "floating-point (FP) quantization" is the phrase "floating-point quantization".
  const withoutDefinitions = (text: string) => text.replace(/\s*\([A-Z][A-Za-z0-9-]{0,11}s?\)/g, '');
  collect(withoutDefinitions(abstract), false, candidates, evidence);
  collect(withoutDefinitions(title), true, candidates, evidence);
  mergeAcronyms(candidates, acronyms);
  dropSubsumed(candidates);

  const scored = [...candidates.values()]
    .filter((c) => c.count + (c.inTitle ? 1 : 0) >= 2 || (c.acronym && c.count > 0))
    .map((c) => ({ c, score: score(c) }))
    .sort((a, b) => b.score - a.score || a.c.firstAt - b.c.firstAt || (a.c.key < b.c.key ? -1 : 1));

  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  for (const { c } of scored) {
    if (chosen.length >= max) break;
    if (overlaps(c, chosen, acronyms, covered)) continue;
    chosen.push(c);
    covered.add(c.key);
    const twin = acronyms.get(c.key);
    if (twin) covered.add(twin);
  }
  if (chosen.length < min) {
    for (const { c } of scored) {
      if (chosen.length >= min) break;
      if (!chosen.includes(c) && !chosen.some((k) => k.key === c.key)) chosen.push(c);
    }
  }
  if (chosen.length < min) {
    for (const c of [...candidates.values()].sort((a, b) => b.count - a.count || a.firstAt - b.firstAt)) {
      if (chosen.length >= min) break;
      if (!chosen.includes(c)) chosen.push(c);
    }
  }
  // Specific terms (names, datasets, benchmarks, multi-word phrases) before generic single words.
  const generic = (c: Candidate) => c.size === 1 && /^[a-z][a-z-]*$/.test(surface(c));
  return [...chosen.filter((c) => !generic(c)), ...chosen.filter(generic)].map(surface);
}

/** How each word was written in the abstract: decides whether a phrase keeps its capitals. */
interface CaseEvidence {
  /** Lower-cased words seen written in lower case. */
  lower: Set<string>;
  /** Capitalised words seen in the middle of a sentence (so not capitalised for being first). */
  midCapital: Set<string>;
}

function caseEvidence(abstract: string): CaseEvidence {
  const lower = new Set<string>();
  const midCapital = new Set<string>();
  let sentenceStart = true;
  for (const token of abstract.match(TOKEN) ?? []) {
    if (/^[.!?。！？]$/.test(token)) {
      sentenceStart = true;
      continue;
    }
    if (/^[a-z]/.test(token)) lower.add(token.toLowerCase());
    else if (/^[A-Z]/.test(token) && !sentenceStart) midCapital.add(token);
    if (/^[\p{L}\p{N}]/u.test(token)) sentenceStart = false;
  }
  return { lower, midCapital };
}

function collect(text: string, inTitle: boolean, into: Map<string, Candidate>, evidence: CaseEvidence): void {
  const tokens = text.match(TOKEN) ?? [];
  let run: string[] = [];
  let position = 0;
  const flush = () => {
    for (let size = 1; size <= Math.min(4, run.length); size++) {
      for (let i = 0; i + size <= run.length; i++) {
        const form = surfaceForm(run.slice(i, i + size), inTitle, evidence);
        add(run.slice(i, i + size), form, inTitle, into, position);
      }
    }
    run = [];
  };
  for (const token of tokens) {
    position++;
    const lower = token.toLowerCase();
    const isWord = /^[\p{L}\p{N}]/u.test(token);
    if (!isWord || PHRASE_STOPWORDS.has(lower) || FILLER.has(lower) || /^\d/.test(token) || token.length < 2) {
      flush();
      continue;
    }
    run.push(token);
  }
  flush();
}

function add(tokens: string[], form: string, inTitle: boolean, into: Map<string, Candidate>, position: number): void {
  const key = tokens.map((t) => stem(t.toLowerCase())).join(' ');
  // Forms written in the abstract win over the title's Title Case.
  const weight = inTitle ? 0.5 : 1;
  const existing = into.get(key);
  if (existing) {
    if (inTitle) existing.inTitle = true;
    else existing.count++;
    existing.forms.set(form, (existing.forms.get(form) ?? 0) + weight);
    return;
  }
  into.set(key, {
    key,
    size: tokens.length,
    count: inTitle ? 0 : 1,
    inTitle,
    acronym: tokens.length === 1 && /^[A-Z][A-Za-z0-9-]*[A-Z0-9]/.test(tokens[0] ?? '') && /[A-Z].*[A-Z0-9]/.test(tokens[0] ?? ''),
    firstAt: inTitle ? -1 : position,
    forms: new Map([[form, weight]]),
  });
}

/** "KV", "SemantiCodec", "GPT-4", "iLLaMA": written this way on purpose. */
function isName(word: string): boolean {
  return /[A-Z].*[A-Z]/.test(word) || /^[a-z]+[A-Z]/.test(word) || (/\d/.test(word) && /[A-Z]/.test(word));
}

/**
 * Lower case unless the words are names: "Conceptual Captions" written mid-sentence stays, so do
 * "Mamba" and "KV cache"; "Bitrate" (title case) and "State" (first word of a sentence) are lowered.
 */
function surfaceForm(tokens: string[], inTitle: boolean, evidence: CaseEvidence): string {
  // Several capitalised words in a row in the abstract are a name, even first in a sentence.
  if (!inTitle && tokens.length > 1 && tokens.every((t) => /^[A-Z]/.test(t))) return tokens.join(' ');
  return tokens
    .map((t) => {
      if (isName(t) || !/^[A-Z]/.test(t)) return t;
      return evidence.midCapital.has(t) && !evidence.lower.has(t.toLowerCase()) ? t : t.toLowerCase();
    })
    .join(' ');
}

function score(c: Candidate): number {
  const frequency = Math.log2(1 + c.count);
  const specificity = c.size === 1 ? (c.acronym ? 1.2 : 0.6) : c.size === 2 ? 1.6 : c.size === 3 ? 1.5 : 1.3;
  const title = c.inTitle ? 1.5 : 0;
  return (frequency + title) * specificity;
}

/** An acronym's uses count for its long form, which is the one shown. */
function mergeAcronyms(candidates: Map<string, Candidate>, acronyms: Map<string, string>): void {
  for (const [long, short] of acronyms) {
    const l = candidates.get(long);
    const a = candidates.get(short);
    if (!l || !a || l.size < 2) continue;
    l.count += a.count;
    l.inTitle ||= a.inTitle;
    candidates.delete(short);
  }
}

/** A phrase that never occurs outside a longer one ("size output" in "variable size output dictionaries") is not a phrase. */
function dropSubsumed(candidates: Map<string, Candidate>): void {
  const uses = (c: Candidate) => c.count + (c.inTitle ? 1 : 0);
  const containedIn = new Map<string, number>();
  for (const o of candidates.values()) {
    if (o.size < 2) continue;
    const words = o.key.split(' ');
    for (let size = 1; size < words.length; size++) {
      for (let i = 0; i + size <= words.length; i++) {
        const sub = words.slice(i, i + size).join(' ');
        containedIn.set(sub, Math.max(containedIn.get(sub) ?? 0, uses(o)));
      }
    }
  }
  for (const c of [...candidates.values()]) {
    if ((containedIn.get(c.key) ?? 0) >= uses(c)) candidates.delete(c.key);
  }
}

/** A phrase adds nothing when it is part of a chosen one, contains one, or is the acronym of one. */
function overlaps(c: Candidate, chosen: Candidate[], acronyms: Map<string, string>, covered: Set<string>): boolean {
  if (covered.has(c.key)) return true;
  const mine = c.key.split(' ');
  for (const k of chosen) {
    const theirs = k.key.split(' ');
    if (contains(theirs, mine) || contains(mine, theirs)) return true;
  }
  return false;
}

function contains(outer: string[], inner: string[]): boolean {
  if (inner.length > outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return true;
  }
  return false;
}

/** "key-value (KV) cache" style definitions (src/text/acronyms.ts): the long form and its acronym name one thing (both directions). */
function definedAcronyms(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const [acronym, longForm] of findDefinitions(text)) {
    const long = longForm
      .split(/\s+/)
      .map((w) => stem(w.toLowerCase()))
      .join(' ');
    const short = stem(acronym.toLowerCase());
    pairs.set(long, short);
    pairs.set(short, long);
  }
  return pairs;
}

function surface(c: Candidate): string {
  let best = '';
  let bestCount = -1;
  for (const [form, count] of c.forms) {
    if (count > bestCount || (count === bestCount && form < best)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
