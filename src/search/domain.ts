import { terms } from './analyze.js';
import { DOMAIN_TERMS } from './domain-terms.js';
import { isOn } from './features.js';
import { documentFrequency, type PaperIndex } from './index.js';
import { type Plan, withClauses } from './plan.js';
import { stem } from './stem.js';

/** One line of the table: any phrase of `from` found in a query asks for every phrase of `to` too. */
export interface DomainEntry {
  from: string[][];
  to: string[][];
}

/** A phrase of the table as its terms' stems (a set: order and repeats do not matter), with its line. */
interface Trigger {
  stems: string[];
  entry: DomainEntry;
}

/** Weight of a table alternative standing in for the words typed (an acronym's expansion counts 0.6). */
const DOMAIN_WEIGHT = 0.3;
/** Alternatives lent to one group at most. */
const MOST_PER_GROUP = 3;

/** Parses the table's text (see domain-terms.ts): `a = b = c` both ways, `a | b > c | d` one way. */
export function parseDomainTerms(text: string): DomainEntry[] {
  const entries: DomainEntry[] = [];
  const phrases = (side: string) => side.split(/[=|]/).flatMap((p) => phraseTerms(p) ?? []);
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const arrow = line.indexOf('>');
    if (arrow >= 0) entries.push({ from: phrases(line.slice(0, arrow)), to: phrases(line.slice(arrow + 1)) });
    else {
      const all = phrases(line);
      entries.push({ from: all, to: all });
    }
  }
  return entries;
}

/** Negations the index leaves out as stopwords: "no labels" as its terms would be "labels". */
const NEGATION = /^(?:no|not|nor)$/i;

/**
 * A phrase's terms, or undefined for one its terms would misread: one with a negation, one whose
 * words repeat or fall away ("learning to learn" would be any query saying "learning").
 */
function phraseTerms(phrase: string): [string[]] | undefined {
  const typed = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = terms(phrase);
  if (out.length === 0 || typed.some((w) => NEGATION.test(w))) return undefined;
  if (new Set(out.map(stem)).size < out.length) return undefined;
  return [out];
}

/** The table, parsed once: its triggers by the stem of each one's first term. */
let triggers: Map<string, Trigger[]> | undefined;

function triggersOf(): Map<string, Trigger[]> {
  if (triggers) return triggers;
  triggers = new Map();
  for (const entry of parseDomainTerms(DOMAIN_TERMS)) {
    for (const phrase of entry.from) {
      const stems = [...new Set(phrase.map(stem))];
      let list = triggers.get(stems[0]!);
      if (!list) triggers.set(stems[0]!, (list = []));
      list.push({ stems, entry });
    }
  }
  return triggers;
}

/**
 * The plan of the partial matches with the table's alternatives as further ways to satisfy the groups
 * whose words asked for them: "image" for the group of "photo", "inpainting" for both "missing" and
 * "region" of "missing regions". A phrase of the table is found by its terms' stems anywhere in the
 * query, in any order; its line's other phrases (those the query does not already say and the library
 * holds) join each group holding one of its words, counting `DOMAIN_WEIGHT` of the words typed. They
 * do not make a group commoner (a rare word typed stays rare in seeding and coverage), so a paper
 * saying part of the query in other words is a better partial match; the papers matching every word
 * are found without them and still come first.
 */
export function withDomainTerms(index: PaperIndex, plan: Plan): Plan {
  if (!isOn('domain')) return plan;
  const table = triggersOf();
  const stemsOf = plan.groups.map((g) => new Set((g.exact ? [] : (g.clauses[0] ?? [])).map(stem)));
  const have = new Set(stemsOf.flatMap((s) => [...s]));
  const added = plan.groups.map(() => new Map<string, string[]>());
  for (const s of have) {
    for (const { stems, entry } of table.get(s) ?? []) {
      if (!stems.every((t) => have.has(t))) continue;
      for (const phrase of entry.to) {
        if (phrase.every((t) => have.has(stem(t))) || !phrase.every((t) => documentFrequency(index, t) > 0)) continue;
        for (const [g, own] of stemsOf.entries()) if (stems.some((t) => own.has(t))) added[g]!.set(phrase.join(' '), phrase);
      }
    }
  }
  if (added.every((a) => a.size === 0)) return plan;
  const groups = plan.groups.map((g, k) => {
    // The first few found (a line names the field's usual term first): more cost time and find little more.
    const fresh = [...added[k]!.values()].slice(0, MOST_PER_GROUP);
    if (fresh.length === 0) return g;
    return { ...withClauses(g, fresh, () => DOMAIN_WEIGHT), borrowed: g.clauses.length };
  });
  return { ...plan, groups };
}
