import { normalizeTerm, terms } from './analyze.js';
import { isOn } from './features.js';
import type { QueryNode, TermNode } from './evaluate.js';
import { documentFrequency, nearTerms, type PaperIndex } from './index.js';
import { stem } from './stem.js';
import { prefixTerms } from './vocabulary.js';
import { frequencyOf, termOf } from './postings.js';
import type { ParsedQuery } from './query.js';

/** One thing the query asks for: any of its clauses (each an AND of terms) satisfies it. */
/** Weight of a match through an acronym or its expansion rather than the words typed. */
const ALTERNATIVE_WEIGHT = 0.6;

export interface Group {
  clauses: string[][];
  /** From a quoted phrase: exact terms only. */
  exact: boolean;
  /** Weight of each alternative clause (index ≥ 1) when not the default; the first clause is the words typed. */
  weights?: number[];
  /** Clauses from here on are the domain table's (see domain.ts): they do not make the group commoner. */
  borrowed?: number;
}

/** "X vs Y", "X versus Y": the comparison's words, not words a paper must hold. */
const COMPARISON = /^(?:vs\.?|versus)$/i;
/** Weight of a hyphenated numeral's other spellings ("1-bit" as binary, "8-bit" as INT8). */
const NUMERAL_WEIGHT = 0.6;
/** Weight of a class of numerals for one of them ("low-bit" for "2-bit"). */
const BROADER_NUMERAL_WEIGHT = 0.35;
/** Weight of a numeral typed as two terms ("1" and "bit" anywhere in the paper). */
const LOOSE_NUMERAL_WEIGHT = 0.2;

export interface Plan {
  groups: Group[];
  /** Every term the query looks for (for snippets and title coverage). */
  terms: string[];
  /**
   * Words that belong together without being quoted: a hyphenated word ("decoder-only", whose "only"
   * is a stopword) and each side of a comparison of two or more words ("vision transformers" in
   * "convolutions versus vision transformers"). Papers writing them so rank higher; none must.
   */
  units: string[];
}

/**
 * Turns the free words into groups: a known acronym also matches its expansions, a known expansion
 * also matches its acronym; phrase words are exact groups of their own.
 */
export function planQuery(index: PaperIndex, query: ParsedQuery): Plan {
  const words = isOn('comparisons') ? query.words.filter((w) => !COMPARISON.test(w)) : query.words;
  const free = words.flatMap((w) => terms(w));
  // A hyphenated word also matches its parts joined: "auto-encoder" finds "autoencoder".
  const joined = new Map<string, string>();
  // A bit width with a fraction ("1.58-bit"): its terms as an index holds it, by the first one.
  const fractions = new Map<string, string[]>();
  for (const [at, w] of words.entries()) {
    const parts = terms(w);
    // "1.58 bit" as two words is the same numeral.
    const spaced = /^\d\.\d{1,2}$/.test(w) && /^bits?$/i.test(words[at + 1] ?? '') ? `${w}-bit` : w;
    const fraction = isOn('numerals') ? FRACTIONAL_BITS.exec(spaced) : null;
    if (fraction) {
      fractions.set(parts[0]!, terms(`${fraction[1]}.${fraction[2]}-bit`));
      continue;
    }
    const whole = w.includes('-') && parts.length > 1 ? terms(w.replaceAll('-', ''))[0] : undefined;
    if (whole) joined.set(parts[0]!, whole);
  }
  const pairs = isOn('joins') ? adjacentJoins(index, words) : new Map<number, string>();
  const groups: Group[] = [];
  for (let i = 0; i < free.length; ) {
    const expansion = longestExpansionAt(index, free, i);
    if (expansion) {
      const head = expansion.terms.length >= 3 ? [expansion.terms.slice(-2)] : [];
      groups.push({ clauses: [expansion.terms, [expansion.acronym], ...head], exact: false });
      i += expansion.terms.length;
      continue;
    }
    const term = free[i]!;
    const fraction = fractions.get(term);
    if (fraction && free.slice(i, i + 3).join(' ') === `${fraction[0]} ${fraction[1]} bit`) {
      groups.push(withNumerals(index, { clauses: [[fraction[0]!, `${fraction[1]}bit`]], exact: false }));
      i += 3;
      continue;
    }
    const whole = joined.get(term);
    if (whole) {
      const parts = free.slice(i, i + countParts(words, term));
      groups.push(withVersions(index, withNumerals(index, { clauses: [parts, [whole]], exact: false })));
      i += parts.length;
      continue;
    }
    const pair = pairs.get(i) ?? pairs.get(i - 1);
    if (pair) {
      // "YOLO v10", "pre training": two words the papers write as one. Each word stays a group of its
      // own (a paper with one of them is still a partial match), the joined word satisfying both.
      groups.push(withVersions(index, withNumerals(index, { clauses: [[term], [pair]], exact: false })));
      i++;
      continue;
    }
    const expansions = (index.acronyms.expansions.get(term) ?? []).slice(0, 2);
    // A long expansion's head ("speech recognition" of "automatic speech recognition") is a looser match.
    const heads = expansions.filter((e) => e.length >= 3).map((e) => e.slice(-2));
    groups.push(withVersions(index, withNumerals(index, { clauses: [[term], ...expansions, ...heads], exact: false })));
    i++;
  }
  for (const phrase of query.phrases) for (const term of terms(phrase)) groups.push({ clauses: [[term]], exact: true });
  const all = new Set<string>();
  for (const g of groups) for (const c of g.clauses) for (const t of c) all.add(t);
  return { groups, terms: [...all], units: isOn('units') ? unitsOf(query.words) : [] };
}

/** Hyphenated words, and the sides of a comparison with two words or more (see Plan.units). */
function unitsOf(words: readonly string[]): string[] {
  const units = new Set<string>();
  for (const w of words) if (/[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(w) && terms(w).length >= 1 && w.split('-').length >= 2) units.add(w);
  const at = words.findIndex((w) => COMPARISON.test(w));
  if (at > 0) {
    for (const side of [words.slice(0, at), words.slice(at + 1)]) {
      const text = side.join(' ');
      if (side.length >= 2 && terms(text).length >= 2) units.add(text);
    }
  }
  return [...units];
}

/**
 * Adjacent free words whose concatenation is a term of the index, by the position of the first
 * one's term in the free terms (each word one term: hyphenated and stopword-only words are left out).
 */
function adjacentJoins(index: PaperIndex, words: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  let position = 0;
  for (let w = 0; w < words.length; w++) {
    const here = terms(words[w]!);
    const next = w + 1 < words.length ? terms(words[w + 1]!) : [];
    if (here.length === 1 && next.length === 1 && !words[w]!.includes('-') && !words[w + 1]!.includes('-') && !out.has(position - 1)) {
      const whole = normalizeTerm(words[w]! + words[w + 1]!);
      // "VideoMAE 2" is how people say VideoMAE V2.
      const versioned = isOn('versions') && VERSION.test(next[0]!) ? normalizeTerm(`${words[w]!}v${next[0]!}`) : undefined;
      if (whole && whole !== here[0] && whole !== next[0] && documentFrequency(index, whole) > 0) out.set(position, whole);
      else if (versioned && documentFrequency(index, versioned) > 0) out.set(position, versioned);
    }
    position += here.length;
  }
  return out;
}

/** A version number as typed after a name ("RetroMAE-2", "VideoMAE 2"). */
const VERSION = /^\d{1,2}$/;
/** Weight of a version written another way ("v2" for a typed "2"). */
const VERSION_WEIGHT = 0.9;

/**
 * A version typed as a bare number also matches how papers write it: "RetroMAE-2" is RetroMAE v2
 * (and RetroMAEv2), the "2" of "VideoMAE 2" is a "v2".
 */
function withVersions(index: PaperIndex, group: Group): Group {
  if (!isOn('versions')) return group;
  const added: string[][] = [];
  for (const clause of group.clauses) {
    const last = clause[clause.length - 1]!;
    if (!VERSION.test(last)) continue;
    const v = `v${last}`;
    if (documentFrequency(index, v) === 0) continue;
    if (clause.length === 1) added.push([v]);
    else {
      const name = clause.slice(0, -1);
      added.push([...name, v]);
      const joinedName = `${name.join('')}${v}`;
      if (documentFrequency(index, joinedName) > 0) added.push([joinedName]);
    }
  }
  const have = new Set(group.clauses.map((c) => c.join(' ')));
  const fresh = added.filter((c) => !have.has(c.join(' ')));
  if (fresh.length === 0) return group;
  return withClauses(group, fresh, () => VERSION_WEIGHT);
}

/** The weight of clause `c` of a group: its own, or 1 for the words typed, 0.6 for the first alternatives and 0.3 after. */
function clauseWeight(group: Group, c: number): number {
  return group.weights?.[c] ?? (c === 0 ? 1 : c > 2 ? ALTERNATIVE_WEIGHT / 2 : ALTERNATIVE_WEIGHT);
}

/** The group with `more` clauses after its own, each weighed by `weightOf`. */
export function withClauses(group: Group, more: string[][], weightOf: (clause: string[]) => number): Group {
  return { ...group, clauses: [...group.clauses, ...more], weights: [...group.clauses.map((_, c) => clauseWeight(group, c)), ...more.map(weightOf)] };
}

/** Bits as papers write them: "1-bit" (or fewer) is binary, "2-bit" (or 1.58) ternary, up to 4 low-bit; 8 INT8, 16 FP16 or half precision. */
function numeralAlternatives(bits: number): string[][] {
  const out: string[][] = [[`${bits}bit`], [String(bits), 'bit']];
  if (bits <= 1) out.push(['binary'], ['binarization']);
  if (bits > 1 && bits <= 2) out.push(['ternary']);
  if (bits <= 4) out.push(['lowbit'], ['low', 'bit']);
  if ([4, 8, 16, 32].includes(bits)) out.push([`int${bits}`], [`fp${bits}`]);
  if (bits === 16) out.push(['half', 'precision'], ['bf16']);
  if (bits === 32) out.push(['full', 'precision']);
  return out;
}

/** A bit width with a fraction as typed: "1.58-bit" (ternary weights carry log2 3 = 1.58 bits), "2.5-bit". */
const FRACTIONAL_BITS = /^(\d)\.(\d{1,2})-?bits?$/i;

/** The number of bits a group names ("1-bit", "4 bit", "int8", "fp16", "1.58-bit"), if any. Words (binary, ternary) stay words. */
function bitsOf(group: Group): number | undefined {
  for (const clause of group.clauses) {
    const text = clause.join(' ');
    const fraction = /^(\d) (\d{1,2})bit$/.exec(text);
    if (fraction) return Number(`${fraction[1]}.${fraction[2]}`);
    const m = /^(\d{1,2}) ?bit$/.exec(text) ?? /^(?:int|fp|uint)(\d{1,2})$/.exec(text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** A group naming a number of bits also matches the other ways papers write it. */
function withNumerals(index: PaperIndex, group: Group): Group {
  if (!isOn('numerals')) return group;
  const bits = bitsOf(group);
  const lowBit = group.clauses.some((c) => c.join(' ') === 'low bit' || c.join(' ') === 'lowbit');
  if (bits === undefined && !lowBit) return group;
  const extra = bits !== undefined ? numeralAlternatives(bits) : [['binary'], ['ternary'], ['2bit'], ['3bit'], ['4bit']];
  const have = new Set(group.clauses.map((c) => c.join(' ')));
  const added = extra.filter((c) => !have.has(c.join(' ')) && c.every((t) => documentFrequency(index, t) > 0));
  if (added.length === 0) return group;
  // "low-bit" names a wider class than "1-bit": weaker evidence than binary for 1 bit, or INT4 for 4.
  const out = withClauses(group, added, (c) => (c.join(' ').includes('low') ? BROADER_NUMERAL_WEIGHT : NUMERAL_WEIGHT));
  // "1 bit" as two terms holds for any paper with a 1 and a bit anywhere: the joined term (the index
  // joins "1-bit") is what was typed, the loose pair counts for little.
  const joinedAt = out.clauses.findIndex((c) => c.length === 1 && c[0] === `${bits}bit`);
  if (bits !== undefined && joinedAt > 0 && out.clauses[0]!.join(' ') === `${bits} bit`) {
    [out.clauses[0], out.clauses[joinedAt]] = [out.clauses[joinedAt]!, out.clauses[0]!];
    out.weights![joinedAt] = LOOSE_NUMERAL_WEIGHT;
  }
  return out;
}

function countParts(words: string[], first: string): number {
  for (const w of words) {
    const parts = terms(w);
    if (parts[0] === first && w.includes('-')) return parts.length;
  }
  return 1;
}

function longestExpansionAt(index: PaperIndex, free: string[], i: number) {
  let best: { terms: string[]; acronym: string } | undefined;
  for (const candidate of index.expansionsByFirstTerm.get(free[i]!) ?? []) {
    const fits = candidate.terms.every((t, k) => free[i + k] === t);
    if (fits && (!best || candidate.terms.length > best.terms.length)) best = candidate;
  }
  return best;
}

/**
 * How loosely one term is matched. A known word matches itself (and, typed last, words it starts);
 * an unknown word is a typo or a prefix: edit distance 1 from 4 letters, 2 from 8, plus prefixes.
 */
export function termQuery(index: PaperIndex, term: string, last: boolean, exact: boolean): TermNode {
  if (exact) return { term, fuzzy: 0, prefix: false };
  const node = looseTerm(index, term, last);
  if (node.fuzzy > 0 && isOn('typo')) node.correct = true;
  if (isOn('stemming')) node.stem = true;
  return node;
}

function looseTerm(index: PaperIndex, term: string, last: boolean): TermNode {
  const df = documentFrequency(index, term);
  const known = df > 0;
  const fuzzy = known || term.length < 4 || /\d/.test(term) ? 0 : term.length >= 8 ? 2 : 1;
  // A word in an eighth of the papers or more was typed in full: completing it would only cost time.
  const prefix = term.length >= 3 && (!known || (last && df < index.papers.length / 8));
  return { term, fuzzy, prefix };
}

/**
 * About how many papers a term matches as `termQuery` looks it up: its own papers when the index
 * knows it; for an unknown word (a typo, a prefix, another form of a known word) the papers of what
 * it will be matched through: its likeliest correction, the words it starts, the words sharing its stem.
 * Zero when it matches nothing.
 */
export function looseFrequency(index: PaperIndex, term: string, last: boolean): number {
  const df = documentFrequency(index, term);
  if (df > 0) return df;
  const node = looseTerm(index, term, last);
  const p = index.postings;
  let most = 0;
  if (node.fuzzy > 0) for (const near of nearTerms(index, term, node.fuzzy)) most = Math.max(most, near.df);
  if (node.prefix) {
    let sum = 0;
    for (const id of prefixTerms(index.vocabulary, term)) sum += frequencyOf(p, id);
    most = Math.max(most, Math.min(sum, index.papers.length));
  }
  const root = stem(term);
  if (root !== term) for (const id of prefixTerms(index.vocabulary, root)) if (stem(termOf(p, id)) === root) most = Math.max(most, frequencyOf(p, id));
  return most;
}

/** An alternative made only of words in a quarter of the papers or more says too little to search for. */
function tooVague(index: PaperIndex, clause: string[]): boolean {
  const n = index.papers.length;
  return clause.length > 1 && clause.every((t) => documentFrequency(index, t) > n / 4);
}

/** One group of a plan as a query: any of its clauses, each all of its terms. */
export function groupQuery(index: PaperIndex, plan: Plan, g: number): QueryNode {
  const group = plan.groups[g]!;
  const last = g === plan.groups.length - 1;
  return {
    any: group.clauses.flatMap((clause, c) =>
      c > 0 && tooVague(index, clause)
        ? []
        : {
            all: clause.map((term, k) => {
              // Alternatives (expansions, acronyms, joined compounds) come from the index itself: matched exactly.
              const node = termQuery(index, term, c === 0 && last && k === clause.length - 1, group.exact || c > 0);
              // An alternative (an acronym's expansion, a version, a numeral) counts for less than the words typed.
              return c === 0 ? node : { ...node, boost: clauseWeight(group, c) };
            }),
          },
    ),
  };
}
