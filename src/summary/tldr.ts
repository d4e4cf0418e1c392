import { capitalise, cleanSentence, compress, DANGLING, dropHype, dropLeadingClause, tidy } from './compress.js';
import { hasDanglingReference, isFragment } from './dangling.js';
import type { ScoredSentence } from './score.js';
import {
  approachCandidates,
  bestHeadline,
  HEADLINE_NUMBER,
  headlineCandidates,
  type ScoredApproach,
  type ScoredHeadline,
  type TldrParts,
  tighten,
} from './tldr-clauses.js';
import { definedName, isName, isStrongName, knownName, nameFirst } from './tldr-names.js';
import { GERUND } from './verbs.js';
import { containment } from './words.js';
import { plainWords } from './synonyms.js';

/**
 * The TL;DR a reader would write: the method's name, what it does, and its headline result, in one
 * sentence with nothing that points outside it. Built from the abstract's contribution sentence
 * ("We propose FooNet, a sparse attention scheme that …" → "FooNet is a sparse attention scheme that …")
 * and, when that sentence has no number, the main clause of the best results sentence turned into a
 * participle (", cutting memory by 40% on …").
 */

const PROBLEM =
  '(?:issues?|problems?|challenges?|limitations?|gaps?|bottlenecks?|shortcomings?|drawbacks?|questions?|needs?|concerns?|difficult(?:y|ies)|obstacles?|weakness(?:es)?|deficienc(?:y|ies)|goals?|aims?|tasks?|trade-offs?|tradeoffs?|dilemmas?|inefficienc(?:y|ies)|constraints?|demands?)';
const POINTER_NP = `(?:this|these|those|such|the above|the aforementioned|both|the two|these two|the (?:above|aforementioned) two)(?:\\s[\\w-]+){0,2}?\\s${PROBLEM}`;
const PURPOSE_POINTER = new RegExp(
  `,?\\s*(?:(?:which is |that is |and |thereby )?(?:designed|aiming|aimed|intended|proposed|developed|built|used|tailored|in order)\\s+)?to\\s+(?:address|alleviate|solve|tackle|overcome|mitigate|resolve|handle|fix|remedy|bridge|fill|close|circumvent|avoid|eliminate|meet|answer|deal with|cope with|counter)\\s+${POINTER_NP}(?:\\s+by\\s+(?=\\w+ing\\b))?`,
  'gi',
);
const OBJECT_POINTER = new RegExp(`\\s(?:to|for|of|on)\\s+${POINTER_NP}\\b`, 'gi');
const COORDINATED = new RegExp(`(\\sand\\s+)(${Object.keys(GERUND).join('|')})(?:es|s)\\b`, 'i');

/** Repairs a sentence that points outside itself, or gives undefined when it cannot. */
export function repairReferences(sentence: string, name?: string): string {
  let text = sentence;
  // "However, we show …", "Second, we propose …": the link to the sentence before goes.
  text = text.replace(
    /^(?:however|therefore|thus|hence|moreover|furthermore|additionally|nevertheless|nonetheless|consequently|accordingly|similarly|likewise|meanwhile|then|also|in contrast|by contrast|on the other hand|in addition|as a result|as such|in turn|to (?:this|that) end|to do so|for this reason|first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|next|besides|instead|further|specifically|in particular|concretely),\s+/i,
    '',
  );
  text = text.replace(/\b(we|it|they) (?:also|further|additionally|furthermore|moreover) /i, '$1 ');
  // "… designed to alleviate this bottleneck by reducing …" → "… reducing …".
  text = text.replace(PURPOSE_POINTER, (m) => (/\sby\s+$/.test(m) ? ' ' : ''));
  text = text.replace(OBJECT_POINTER, '');
  // "to tackle such semantics-aware process mining tasks": the phrase says which on its own.
  text = text.replace(/\bsuch (?=[a-z]+-[a-z-]+\s+[a-z]+)/gi, '');
  // "… for joint recovery of both." → "… for joint recovery.": both of what, only the abstract said.
  text = text.replace(/\s+(?:of|for|to|in|on) both(?=[.!?]?$)/i, '');
  text = tidy(text);
  // "It reaches …", "Our method cuts …": the name says it without pointing back.
  if (name) {
    text = text.replace(
      /^(?:it|our (?:proposed )?(?:method|approach|model|framework|system)|the proposed (?:method|approach|model|framework|system)|this (?:method|approach|model|framework|system))\b/i,
      name,
    );
  }
  return capitalise(text);
}

/** How far below the best contribution sentence one that leads with the title's name may be. */
const GAP = 2.5;
/** A TL;DR shorter than this says little more than that the thing exists. */
const THIN = 50;

interface Clauses {
  headlines: readonly ScoredHeadline[];
  approaches: readonly ScoredApproach[];
}

/** The TL;DR from the ranked contribution sentences; undefined when no sentence can be made to stand alone. */
export function buildTldr(sentences: readonly string[], ranked: readonly ScoredSentence[], title: string, max: number): TldrParts | undefined {
  const abstract = sentences.join(' ');
  const name = knownName(title, abstract);
  const lead = definedName(name, title, abstract);
  const tries = ranked.slice(0, 6);
  // The clauses that can follow, found once per name the TL;DR may lead with.
  const cache = new Map<string, Clauses>();
  const clausesFor = (subject: string | undefined): Clauses => {
    const key = subject ?? '';
    let found = cache.get(key);
    if (!found) {
      // How it works in the title's words ("… Not Necessarily at Every Layer": the clause on which layers).
      const approaches = approachCandidates(sentences, subject).map((a) => ({ ...a, score: a.score + containment(title, a.clause) }));
      found = { headlines: headlineCandidates(sentences, subject), approaches };
      cache.set(key, found);
    }
    return found;
  };
  // The paper's title says what it is called ("S2LIC: …"): a TL;DR of the top sentences that leads with
  // that name beats one that leads with a part of it ("ACGC is …").
  const prefix = /^[^:]{2,40}:/.test(title) ? lead : undefined;
  let first: TldrParts | undefined;
  let thin: TldrParts | undefined;
  for (const candidate of tries) {
    const made = buildFrom(sentences, candidate.index, name, lead, max, clausesFor);
    if (!made) continue;
    // In the words a reader would use: "beating" for "outperforming", "uses" for "utilizes".
    const built = { ...made, text: plainWords(made.text) };
    // "Nlakh is a new dataset.": too thin to be the TL;DR while a fuller sentence is near the top.
    if (built.text.length < THIN) {
      thin ??= built;
      continue;
    }
    if (!first && (!prefix || built.text.slice(0, 60).includes(prefix))) return built;
    if (first && built.text.startsWith(prefix ?? '') && candidate.text.includes(prefix ?? '')) return built;
    first ??= built;
    if (candidate.score < (ranked[0]?.score ?? 0) - GAP) break;
  }
  return first ?? thin;
}

function buildFrom(
  sentences: readonly string[],
  index: number,
  name: string | undefined,
  lead: string | undefined,
  max: number,
  clausesFor: (subject: string | undefined) => Clauses,
): TldrParts | undefined {
  const original = sentences[index] ?? '';
  let text = dropHype(dropLeadingClause(dropLeadingClause(cleanSentence(original))));
  text = repairReferences(text, name);
  // "CINs is …", "Ptr-Nets is …": a plural name takes "are".
  text = tighten(nameFirst(text, name, lead)).replace(/^(\S*(?:[A-Z]{2,}|-[A-Z][a-z]+)s) is\b/, '$1 are');
  // "Flex is a …" when the abstract's most used name is another: Flex's results are the method's.
  const subject = /^([^\s,;:]+)\s+(?:is|are)\s/.exec(text)?.[1];
  const mentions = subject ? sentences.join(' ').split(subject).length - 1 : 0;
  const own =
    subject && subject.toLowerCase() !== name?.toLowerCase() && ((isStrongName(subject) && mentions >= 2) || (isName(subject) && mentions >= 3))
      ? subject
      : name;
  const { headlines, approaches } = clausesFor(own);
  const plain = compress(text, max).text;
  if (!acceptable(plain)) return undefined;
  const body = text.replace(/[.!?]+$/, '');
  const hasNumber = HEADLINE_NUMBER.test(plain);
  // "The paper studies X" cannot be what outperforms; only a named subject's result fits ("with FooNet …").
  const aboutPaper = /^(?:the paper|this (?:paper|work|study))\b/i.test(text);
  const result = hasNumber ? undefined : bestHeadline(aboutPaper ? headlines.filter((h) => h.clause.startsWith('with ')) : headlines, index);
  const approach = bestApproach(approaches, index, body, result?.index);
  // The contribution, how it works and its headline result when all fit; else the result; else how.
  if (result && approach) {
    const joined = assemble(body, [approach.clause, result.clause], max);
    if (joined) return { text: joined, index, resultIndex: result.index };
  }
  if (result) {
    const joined = assemble(body, [result.clause], max);
    if (joined) return { text: joined, index, resultIndex: result.index };
  }
  // "The paper studies X" says what it found: ", finding that Y" from a later "We find that Y".
  const finding = aboutPaper && !result ? findingAfter(sentences, index) : undefined;
  // Whole, or cut where a second clause begins: a finding cut anywhere else ("revealing that the most
  // used methods.") says nothing.
  // At most 90 characters, so assembling shortens the body, never the finding.
  const whole = finding ? wholeClause(finding, 90) : undefined;
  if (whole) {
    const joined = assemble(body, [whole], max);
    if (joined) return { text: joined, index };
  }
  if (approach && plain.length < max - 50) {
    const joined = assemble(body, [approach.clause], max);
    if (joined) return { text: joined, index };
  }
  return { text: plain, index };
}

const FINDING_VERB: Record<string, string> = { find: 'finding', show: 'showing', observe: 'observing', demonstrate: 'demonstrating', reveal: 'revealing' };

function wholeClause(clause: string, room: number): string | undefined {
  if (clause.length <= room) return clause;
  let best: string | undefined;
  for (const m of clause.matchAll(/,\s+(?:and|while|whereas|but|which)\s|;\s/g)) {
    const end = m.index ?? 0;
    // Not inside a list of examples ("methods, such as ALiBi, Rotary, | and APE, are …").
    if (end <= room && end >= 30 && !/\b(?:such as|including|e\.g\.)/i.test(clause.slice(0, end))) best = clause.slice(0, end);
  }
  return best;
}

/** The first finding after the contribution as a participle: "We find that X" → "finding that X". */
function findingAfter(sentences: readonly string[], index: number): string | undefined {
  for (let i = index + 1; i < sentences.length; i++) {
    const m =
      /^(?:[^,]{0,60},\s*)?(?:we|our (?:[\w-]+\s+){0,2}(?:experiments|results|analys[ie]s|findings|evaluations?))\s+(?:also\s+|further\s+|first\s+)?(find|show|observe|demonstrate|reveal)s?\s+that\s+([^]{20,})$/i.exec(
        cleanSentence(sentences[i] ?? ''),
      );
    if (!m) continue;
    const said = tidy((m[2] ?? '').replace(/[.!?]+$/, '').replace(/\s*\((?=[^()]*\s)[^()]{12,}\)/g, ''));
    const clause = `${FINDING_VERB[(m[1] ?? '').toLowerCase()]} that ${said}`;
    if (!hasDanglingReference(clause) && !/\b(?:we|our|us)\b/i.test(m[2] ?? '')) return clause;
  }
  return undefined;
}

/**
 * A result clause cut to `max` characters after its number, not before it: "improving X by 5.9x | while
 * maintaining …" rather than "improving X | by 5.9x …".
 */
function keepNumber(clause: string, max: number): string | undefined {
  if (clause.length <= max) return undefined;
  const number = HEADLINE_NUMBER.exec(clause);
  if (!number) return undefined;
  const after = (number.index ?? 0) + number[0].length;
  let best: number | undefined;
  for (const m of clause.matchAll(
    /,\s|\s(?=(?:while|whereas|and|but|with|without|compared|across|on|in|at|over|than|for|using|under|when|through|via|thanks|as)\s)/g,
  )) {
    const end = m.index ?? 0;
    if (end < after || end > max) continue;
    // "running 5-40 times faster | than neural compressors": a comparison keeps what it is compared with.
    if (/^\s+than\s/.test(clause.slice(end))) continue;
    const head = clause.slice(0, end).replace(/[,;:\s]+$/, '');
    if (DANGLING.test(head)) continue;
    // "… 0.38-0.68 on Mistral-7B, 4.41-7.34 | on LLaMA-3": a bare number needs what follows it.
    if (/\d$/.test(head) && !HEADLINE_NUMBER.test(head.slice(head.search(/\S+$/)))) continue;
    if ((head.match(/\(/g) ?? []).length !== (head.match(/\)/g) ?? []).length) continue;
    best = end;
  }
  return best === undefined ? undefined : clause.slice(0, best).replace(/[,;:\s]+$/, '');
}

function bestApproach(candidates: readonly ScoredApproach[], index: number, body: string, resultIndex?: number): ScoredApproach | undefined {
  let best: ScoredApproach | undefined;
  for (const c of candidates) {
    // Near the contribution; anywhere after it when the TL;DR is short.
    if (c.index <= index || (c.index > index + 4 && body.length > 110) || c.index === resultIndex) continue;
    // Nothing the contribution sentence already says, nor its name announced again ("cMIM is …, proposing cMIM").
    if (containment(c.clause, body) >= 0.5) continue;
    const lead = body.split(' ')[0] ?? '';
    if (/^(?:proposing|introducing|presenting|developing)\b/.test(c.clause) && lead.length > 2 && c.clause.includes(lead)) continue;
    if (!best || c.score > best.score) best = c;
  }
  return best;
}

/**
 * The body with participle clauses after it, in one sentence of at most `max` characters: the body
 * whole when it leaves room, else shortened at a clause boundary; the last clause (the result) keeps
 * its number; a clause that cannot be cut whole makes the attempt fail.
 */
function assemble(body: string, clauses: readonly string[], max: number): string | undefined {
  const last = clauses.length - 1;
  // What the result needs: up to its number when it can be cut there, else up to 90 characters.
  const wantLast = Math.min(keepNumber(clauses[last] ?? '', 90)?.length ?? clauses[last]?.length ?? 0, 90);
  for (const bodyMax of [max, max - wantLast - 2 - 40 * last, Math.max(90, max - 72 - 50 * last)]) {
    if (bodyMax < 60) continue;
    const head = compress(body, bodyMax).text.replace(/[.!?]+$/, '');
    // The contribution is the point: with more than one clause after it, it keeps most of itself.
    if (head.endsWith('…') || (last > 0 && head.length < Math.min(body.length, 0.7 * body.length + 20))) continue;
    let room = max - head.length;
    const tails: string[] = [];
    let ok = true;
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i] ?? '';
      // Room for what comes later: the result's number.
      const reserve = i < last ? wantLast + 2 : 0;
      const budget = Math.min(room - 2 - reserve, i === last ? (last === 0 ? 90 + Math.max(0, room - 92) : 100) : 110);
      if (budget < 30) {
        ok = false;
        break;
      }
      const tail = (i === last ? keepNumber(clause, budget) : undefined) ?? compress(clause, budget).text.replace(/[.!?]+$/, '');
      if (tail.endsWith('…') || (i === last && HEADLINE_NUMBER.test(clause) && !/\d/.test(tail))) {
        ok = false;
        break;
      }
      tails.push(tail);
      room -= tail.length + 2;
    }
    if (!ok) continue;
    const joined = `${[head, ...tails].join(', ')}.`;
    if (joined.length <= max && acceptable(joined)) return joined;
  }
  return undefined;
}

function acceptable(text: string): boolean {
  return !hasDanglingReference(text) && !isFragment(text) && (text.match(/[\p{L}\p{N}]/gu) ?? []).length >= 8;
}
