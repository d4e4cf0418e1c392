import { terms } from './analyze.js';
import type { QueryNode, TermNode } from './evaluate.js';
import { documentFrequency, type PaperIndex } from './index.js';
import type { ParsedQuery } from './query.js';

/** One thing the query asks for: any of its clauses (each an AND of terms) satisfies it. */
/** Weight of a match through an acronym or its expansion rather than the words typed. */
const ALTERNATIVE_WEIGHT = 0.6;

export interface Group {
  clauses: string[][];
  /** From a quoted phrase: exact terms only. */
  exact: boolean;
}

export interface Plan {
  groups: Group[];
  /** Every term the query looks for (for snippets and title coverage). */
  terms: string[];
}

/**
 * Turns the free words into groups: a known acronym also matches its expansions, a known expansion
 * also matches its acronym; phrase words are exact groups of their own.
 */
export function planQuery(index: PaperIndex, query: ParsedQuery): Plan {
  const free = query.words.flatMap((w) => terms(w));
  // A hyphenated word also matches its parts joined: "auto-encoder" finds "autoencoder".
  const joined = new Map<string, string>();
  for (const w of query.words) {
    const parts = terms(w);
    const whole = w.includes('-') && parts.length > 1 ? terms(w.replaceAll('-', ''))[0] : undefined;
    if (whole) joined.set(parts[0]!, whole);
  }
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
    const whole = joined.get(term);
    if (whole) {
      const parts = free.slice(i, i + countParts(query.words, term));
      groups.push({ clauses: [parts, [whole]], exact: false });
      i += parts.length;
      continue;
    }
    const expansions = (index.acronyms.expansions.get(term) ?? []).slice(0, 2);
    // A long expansion's head ("speech recognition" of "automatic speech recognition") is a looser match.
    const heads = expansions.filter((e) => e.length >= 3).map((e) => e.slice(-2));
    groups.push({ clauses: [[term], ...expansions, ...heads], exact: false });
    i++;
  }
  for (const phrase of query.phrases) for (const term of terms(phrase)) groups.push({ clauses: [[term]], exact: true });
  const all = new Set<string>();
  for (const g of groups) for (const c of g.clauses) for (const t of c) all.add(t);
  return { groups, terms: [...all] };
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
  const df = documentFrequency(index, term);
  const known = df > 0;
  const fuzzy = known || term.length < 4 || /\d/.test(term) ? 0 : term.length >= 8 ? 2 : 1;
  // A word in an eighth of the papers or more was typed in full: completing it would only cost time.
  const prefix = term.length >= 3 && (!known || (last && df < index.papers.length / 8));
  return { term, fuzzy, prefix };
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
    any: group.clauses
      .filter((clause, c) => c === 0 || !tooVague(index, clause))
      .map((clause, c) => ({
        all: clause.map((term, k) => {
          // Alternatives (expansions, acronyms, joined compounds) come from the index itself: matched exactly.
          const node = termQuery(index, term, c === 0 && last && k === clause.length - 1, group.exact || c > 0);
          // An acronym's expansion (or an expansion's acronym) counts for less than the words typed.
          return c > 0 ? { ...node, boost: c > 2 ? ALTERNATIVE_WEIGHT / 2 : ALTERNATIVE_WEIGHT } : node;
        }),
      })),
  };
}
