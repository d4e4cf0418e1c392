import { cleanSentence, lowerFirst, tidy } from './compress.js';
import { hasDanglingReference } from './dangling.js';
import { baseOf, GERUND, gerundOf } from './verbs.js';
import { escapeRegExp } from '../util/regexp.js';
/** What a TL;DR adds to the contribution: the headline result as a participle, and how the method works. */

/** A number a reader would quote: with its unit, or a score on a named benchmark. */
export const HEADLINE_NUMBER =
  /(?:\d(?:[\d,.]*\d)?\s?(?:%|×|x\b|times\b|-?fold\b|\s?(?:percentage )?points?\b|pp\b|\s?(?:BLEU|CodeBLEU|FID|mIoU|mAP|AP\d*|F1|FPS|ms|s\b|seconds?|minutes?|hours?|days?|GB|MB|KB|TB|[KMB]\b|tokens|FLOPs|dB|PSNR|WER|CER|accuracy|top-1|R@\d+|MRR@\d+|UTMOS|score))|\$\s?\d|\d(?:[\d,.]*\d)?\s+(?:on|in)\s+[A-Z])/i;
const RESULT_VERB =
  /\b(achiev|reach|improv|outperform|surpass|reduc|cut|speed|increas|boost|compress|lower|attain|obtain|yield|exceed|set|deliver|match|decreas|sav|beat|gain|scor|accelerat|halv|shrink|lift|rais|push|bring|run|lead|rank|top|deliver|recover|retain|preserv|maintain|narrow|close|perform|demonstrat|show|offer|provid|enabl|exhibit|attain|produc|remain|stay|keep|use|need|require|achieve|scal|rival|generat|enhanc|handl|realiz|realis|mak)(?:es|s|ed|d|e)?\b/i;
/** "Experiments on X show that …", "On GLUE, …", "In practice, …": what comes before the result itself. */
const RESULT_LEAD =
  /^(?:[^,]{0,120}?\b(?:show|shows|showed|shown|showing|demonstrate|demonstrates|demonstrated|indicate|indicates|reveal|reveals|confirm|confirms|verify|verifies|suggest|suggests|prove|proves|showcase|showcases|illustrate|illustrates|demonstrating|indicating|revealing|confirming|verifying|suggesting|proving|illustrating)\s+that\s+)/i;
const FRAME_LEAD =
  /^(?:(?:in practice|for example|for instance|notably|empirically|numerically|experimentally|as a result|overall|specifically|in particular|remarkably|importantly|moreover|furthermore|additionally|finally|consequently|therefore|thus|in addition|in experiments|in our experiments),\s+|[^,]{2,80},\s+(?=(?:our|it|the|we|this)\b)|(?:on|in|for|compared (?:to|with)|across|under|at|when|after|with|using|combining|aggregating)\b[^,]{0,120},\s+(?=[A-Z]))/i;
/** Subjects that are the method itself, so the result can hang off the TL;DR as a participle. */
const SELF_SUBJECT =
  /^(?:it|our (?:[^,\s]+ ){0,3}?(?:method|approach|model|models|framework|system|technique|algorithm|solution|design|architecture|encoder|codec|pipeline|network|networks|variant|implementation)|the (?:proposed|resulting|new) [\w-]+(?: [\w-]+){0,2}|this (?:method|approach|model|framework|system|technique)|the (?:method|approach|model|framework|system)|we)$/i;

export interface Headline {
  index: number;
  /** A participle clause without a final stop: "cutting memory by 40% on LongBench". */
  clause: string;
}

/** The best results sentence's main clause as a participle, or undefined when the abstract has none. */
export function headlineResult(sentences: readonly string[], skip: number, name?: string): Headline | undefined {
  return bestHeadline(headlineCandidates(sentences, name), skip);
}

export interface ScoredHeadline extends Headline {
  score: number;
}

export function headlineCandidates(sentences: readonly string[], name?: string): ScoredHeadline[] {
  const found: ScoredHeadline[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const raw = sentences[index] ?? '';
    const sentence = cleanSentence(raw);
    if (/https?:|github|available/i.test(sentence)) continue;
    if (!/\d/.test(raw) || !HEADLINE_NUMBER.test(sentence)) {
      // No number: the method beating the others still says how it did ("outperforming existing solutions …"),
      // however long the sentence: the clause is shortened where it is added.
      const plain = participle(sentence, name, false);
      if (plain?.self && COMPARATIVE.test(plain.clause) && !hasDanglingReference(plain.clause)) {
        found.push({ index, clause: plain.clause, score: -2 });
      }
      continue;
    }
    const made = participle(sentence, name) ?? trailingParticiple(sentence, name);
    if (!made) continue;
    const { clause } = made;
    let score = made.self ? 0 : -0.5;
    if (/\b(?:state-of-the-art|sota|outperform\w*|surpass\w*|best)\b/i.test(clause)) score += 1;
    if (/\b(?:\d+(?:\.\d+)?\s?(?:%|×|x)\b)/.test(clause)) score += 1;
    if (/\b(?:on|over|than|vs\.?|compared)\b/i.test(clause)) score += 0.5;
    if (name && sentence.includes(name)) score += 0.5;
    if (clause.length > 160) score -= 1;
    found.push({ index, clause, score });
  }
  return found;
}

export function bestHeadline(candidates: readonly ScoredHeadline[], skip: number): Headline | undefined {
  let best: ScoredHeadline | undefined;
  for (const c of candidates) if (c.index !== skip && (!best || c.score > best.score)) best = c;
  return best ? { index: best.index, clause: best.clause } : undefined;
}

/** "demonstrating impressive results, achieving 2.7x …": the praise goes, the number stays. */
function dropPraise(clause: string): string {
  return clause.replace(
    /^\w+ing (?:an?\s+)?(?:new\s+)?(?:(?:impressive|strong|promising|remarkable|significant|superior|competitive|excellent|good|great|consistent|substantial|notable|clear|state-of-the-art|sota)\s+)?(?:results|performance|improvements?|gains|effectiveness|efficiency|superiority)(?: (?:on|across|in) [^,]{0,40})?,\s+(?=\w+ing\b)/i,
    '',
  );
}

/** Result participles a sentence may end on: "We evaluate X on Y, achieving up to 3.65x higher throughput". */
const TRAILING_RESULT =
  /(?:,\s*|\s(?:while|thereby)\s+)((?:achiev|reach|improv|outperform|surpass|reduc|cutt|speed|increas|boost|lower|attain|obtain|yield|exceed|deliver|match|decreas|sav|beat|gain|scor|accelerat|halv|shrink|rais|bring|recover|retain|preserv|maintain|narrow|clos|rival|enabl)ing\b[^;]*)$/i;

/** The paper's own experiments ("We evaluate …", "Our experiments on X …", "FooNet …") ending on a result participle. */
function trailingParticiple(sentence: string, name?: string): { clause: string; self: boolean } | undefined {
  let text = sentence.replace(/[.!?]+$/, '');
  // "Compared with X under the same setting, our FooNet gets …": the frame goes.
  const own = name ? new RegExp(`^[^,]{2,140},\\s+(?=(?:our|we|${escapeRegExp(name)})\\s)`, 'i') : /^[^,]{2,140},\s+(?=(?:our|we)\s)/i;
  for (let i = 0; i < 2; i++) text = text.slice((RESULT_LEAD.exec(text) ?? FRAME_LEAD.exec(text) ?? own.exec(text))?.[0].length ?? 0);
  // "… a video ViT model with a billion parameters, which achieves …" → "achieving …".
  text = text.replace(/,\s+which\s+(?:also\s+)?([a-z]+?)(?:es|s)\b/i, (m, stem: string) => {
    const gerund = GERUND[stem.toLowerCase()] ?? GERUND[`${stem.toLowerCase()}e`];
    return gerund ? `, ${gerund}` : m;
  });
  if (!/^(?:we|our|experiments?|extensive|evaluations?|results?)\b/i.test(text) && !(name && text.toLowerCase().startsWith(name.toLowerCase())))
    return undefined;
  const m = TRAILING_RESULT.exec(text);
  if (!m || m.index === undefined || m.index < 20) return undefined;
  const clause = dropPraise(tidy(m[1] ?? ''));
  const number = HEADLINE_NUMBER.exec(clause);
  if (!number || (number.index ?? 0) > 90 || hasDanglingReference(clause)) return undefined;
  return { clause, self: true };
}

/** Subjects that are results of something else, not a result: background, prior work, the problem. */
const OTHER_SUBJECT_BAD =
  /\b(?:existing|prior|previous|current|traditional|conventional|baselines?|they|them|their|these|those|this|such|it|its|which|that|who|where|when|if|while|although|however|because|since|recent|many|most|some|often|typically|results?|experiments?|evaluations?|analys[ie]s|findings?|ablations?|we|our|us)\b/i;

/** A result without a number that still compares: "outperforming existing solutions in …". */
const COMPARATIVE = /^(?:outperforming|surpassing|beating|matching|rivaling|achieving (?:new )?state-of-the-art|setting (?:a )?new state-of-the-art)\b/i;

function participle(sentence: string, name?: string, needNumber = true): { clause: string; self: boolean } | undefined {
  let text = sentence.replace(/[.!?]+$/, '');
  for (let i = 0; i < 2; i++) {
    const lead = RESULT_LEAD.exec(text) ?? FRAME_LEAD.exec(text);
    if (lead) text = text.slice(lead[0].length);
    else if (name) {
      const at = text.toLowerCase().indexOf(`, ${name.toLowerCase()}`);
      if (at > 1 && at < 80 && !text.slice(0, at).includes(',')) text = text.slice(at + 2);
    }
  }
  const verb = RESULT_VERB.exec(text);
  if (!verb || verb.index === undefined) return undefined;
  let subject = text.slice(0, verb.index).trim();
  // "X can improve …", "X also consistently reaches …": the modal or adverb goes with the subject.
  let modal = false;
  for (;;) {
    const m =
      /\s+(can|could|will|would|may|might|also|further|consistently|significantly|substantially|still|even|only|then|successfully|greatly|largely|clearly|notably|dramatically|remarkably|effectively|simultaneously|reliably|drastically)$/i.exec(
        subject,
      );
    if (!m) break;
    if (/^(?:can|could|will|would|may|might)$/i.test(m[1] ?? '')) modal = true;
    subject = subject.slice(0, m.index);
  }
  // "our FooNet model, using only public data, has achieved …": the aside and the auxiliary go.
  const auxiliary = /\s+(?:has|have)$/i.exec(subject);
  if (auxiliary) {
    subject = subject.slice(0, auxiliary.index);
    modal = true;
  }
  subject = subject.replace(/,\s[^,]{3,60},?$/, '').replace(/,$/, '');
  const bare = subject.replace(/^(?:our|the|this)\s+(?:proposed\s+)?/i, '');
  const isSelf =
    SELF_SUBJECT.test(subject) ||
    (name !== undefined && bare.toLowerCase().startsWith(name.toLowerCase()) && bare.split(/\s+/).length <= 3 && !/\b(?:and|or|than|vs)\b/.test(bare)) ||
    // "the larger variants of FooNet", "a model built with FooNet": the method still, named at the end.
    (name !== undefined && new RegExp(`\\b(?:of|with|by) (?:our |the )?${escapeRegExp(name)}$`, 'i').test(subject) && subject.split(/\s+/).length <= 10);
  // Any other subject: a short noun phrase that names something ("Gemma 2B-2B", "the 7B variant").
  const other =
    !isSelf &&
    subject.length >= 2 &&
    subject.split(/\s+/).length <= 5 &&
    /^(?:the\s+)?[\p{L}\p{N}]/u.test(subject) &&
    !/[,;:()]/.test(subject) &&
    !OTHER_SUBJECT_BAD.test(subject) &&
    /^(?:the\s|an?\s)?\S*[A-Z0-9]/.test(subject);
  if (!isSelf && !other) return undefined;
  // A finite verb only ("achieves", "reduced"), not a noun ("the speed of …"); a base form after a modal
  // or a plural subject ("FDEs achieve").
  const word = verb[0];
  const finite =
    /(?:es|s|ed|d)$/i.test(word) ||
    /^(?:cut|set|run|beat|top|lead|close)$/i.test(word) ||
    subject.toLowerCase() === 'we' ||
    modal ||
    // "FDEs achieve", "both formulations of FooNet outperform": the head noun is plural.
    /[a-z0-9]s$/i.test(subject.replace(/\s+(?:of|with|by)\s.*$/i, ''));
  if (!finite) return undefined;
  const gerund = GERUND[(verb[1] ?? '').toLowerCase()];
  if (!gerund) return undefined;
  const rest = text.slice(verb.index + word.length);
  // "cuts memory by 40% and runs 3.2x faster" → "cutting memory by 40% and running 3.2x faster".
  const coordinated = rest.replace(
    new RegExp(`(\\s(?:and|or)\\s+(?:even\\s+)?)(${Object.keys(GERUND).join('|')})(?:es|s|e)?\\b`, 'i'),
    (_, and: string, stem: string) => `${and}${GERUND[stem.toLowerCase()] ?? stem}`,
  );
  // "demonstrating impressive results, achieving 2.7x …": the praise goes, the number stays.
  // "outperforming recent unsupervised sentence encoders such as Mirror-BERT and SimCSE by 5%" → "outperforming
  // Mirror-BERT and SimCSE by 5%": the methods beaten, by name (not "techniques for models such as Llama").
  let clause = dropPraise(tidy(`${gerund}${coordinated}`)).replace(
    /^((?:outperform|surpass|beat|match|rival|exceed)ing)\s+(?:(?!(?:for|of|on|in|with|to|at|from|by|under)\s)[^\s,;()]+\s+){1,8}?(?:such as|including|like)\s+(?=[A-Z])/,
    '$1 ',
  );
  if (!isSelf) clause = `with ${/^(?:The|An?)\s/.test(subject) ? lowerFirst(subject) : subject} ${clause}`;
  // The number is the point: it must come early, not after a list of other claims.
  if (!needNumber) return { clause, self: isSelf };
  const number = HEADLINE_NUMBER.exec(clause);
  if (!number || (number.index ?? 0) > 90 + (isSelf ? 0 : subject.length + 6)) return undefined;
  return { clause, self: isSelf };
}

/** Verbs that say how a method works, after "we" or the method's name. */
const APPROACH_VERB =
  /^(?:enable|allow|reduce|remove|bypass|avoid|use|employ|adopt|design|train|leverage|combine|extend|build|introduce|propose|develop|apply|formulate|decompose|replace|augment|incorporate|utilize|utilise|exploit|add|insert|learn|model|encode|represent|treat|cast|reformulate|distill|distil|fuse|integrate|align|convert|transform|compress|quantize|prune|adapt|construct|generate|enforce|impose|inject|devise|couple|pair|project|map|split|partition|group|share|reuse|freeze|sparsify|decouple|unify|jointly|consist|comprise|contain|include|rely|operate|predict|learn|capture|exploit|process|compute|estimate|select|route|mix|cache|store|prune|sample|retrieve|fine-tune|pre-train|pretrain|finetune|initialize|optimize|optimise|minimize|maximize|reparameterize|approximate|factorize|aggregate|distribute|parallelize|offload)$/i;

/**
 * Whether an approach clause can follow the contribution as it is: long enough to say something, with
 * nothing pointing outside it, no "we", and no number (a number makes it a result, which the headline states).
 */
function standsAlone(clause: string): boolean {
  return clause.length >= 30 && !hasDanglingReference(clause) && !/\b(?:we|our|us)\b/i.test(clause) && !HEADLINE_NUMBER.test(clause);
}

const KEY_IDEA =
  /^(?:the|our)\s+(?:key|main|core|central|basic)\s+(?:idea|insight|advantage|feature|novelty|principle)(?:\s+of\s+[^,]{1,40}?)?\s+is\s+(?:the ability\s+)?to\s+([a-z]+)\s+([^]{10,})$/i;
const PASSIVE_APPROACH =
  /^(?:equipped|built|based|composed|trained|constructed|implemented|formulated|parameterized|parametrized|instantiated|optimized|pre-?trained)\s+(?:with|on|of|by|upon|using|as|via|in)\s/i;

export interface ScoredApproach {
  index: number;
  clause: string;
  score: number;
}

/**
 * How the method works, as a participle: "We use X to Y" / "FooNet uses X to Y" → "using X to Y";
 * "FooNet consists of A and B" → "consisting of A and B". Only sentences after the contribution.
 */
export function approachCandidates(sentences: readonly string[], name?: string): ScoredApproach[] {
  const found: ScoredApproach[] = [];
  for (let index = 1; index < sentences.length; index++) {
    const raw = sentences[index] ?? '';
    if (
      raw.length > 320 ||
      /https?:|github|available|\b(?:we|they) (?:show|find|found|observe|believe|hope|evaluate|conduct|test|validate|demonstrate)/i.test(raw)
    )
      continue;
    let text = cleanSentence(raw).replace(/[.!?]+$/, '');
    // "Specifically, we …", "Within this framework, we …": the lead-in goes.
    const lead = name ? new RegExp(`^(?:[^,]{2,90},\\s+){1,2}?(?=we\\s|${escapeRegExp(name)}\\s)`, 'i') : /^(?:[^,]{2,90},\s+){1,2}?(?=we\s)/i;
    text = text.replace(lead, '').replace(/^(?:specifically|concretely|in particular|more specifically|technically|at its core),\s+/i, '');
    // "The key advantage of our design is the ability to adapt X" → "adapting X".
    const key = KEY_IDEA.exec(text);
    if (key) {
      const clause = tighten(`${gerundOf(key[1] ?? '')} ${key[2] ?? ''}`);
      if (standsAlone(clause)) {
        found.push({ index, clause, score: 0.5 - 0.15 * index });
      }
      continue;
    }
    const subjectVerb =
      /^(we|it|our (?:method|approach|model|framework|system|design|architecture|pipeline)|the (?:proposed )?(?:method|approach|model|framework|system|architecture|pipeline)|([^\s,;:]+))\s+(?:(?:first|also|further|then|additionally|jointly|simply|directly|explicitly|efficiently|effectively|mainly|only)\s+)?([a-z][a-z-]+)\s+([^]*)$/i.exec(
        text,
      );
    if (!subjectVerb) continue;
    const [, subject = '', named, verb = '', rest = ''] = subjectVerb;
    if (named !== undefined && (!name || named.toLowerCase() !== name.toLowerCase())) continue;
    const lowerSubject = subject.toLowerCase();
    // "FooNet is equipped with X", "The model is built on Y": the participle says how.
    const passive = /^(?:is|are)$/i.test(verb) && lowerSubject !== 'we' ? PASSIVE_APPROACH.exec(rest) : null;
    if (passive) {
      const clause = tighten(rest);
      if (clause.length <= 200 && standsAlone(clause)) {
        found.push({ index, clause, score: 0.3 - 0.15 * index });
      }
      continue;
    }
    const base = lowerSubject === 'we' ? verb.toLowerCase() : baseOf(verb);
    if (!base || !APPROACH_VERB.test(base)) continue;
    if (/^(?:also|further|additionally)\b/i.test(rest)) continue;
    // "… and leverages Y" → "… and leveraging Y".
    const coordinated = rest.replace(/(\s(?:and|while|then)\s+)([a-z]+)\b/gi, (m, and: string, v: string) => {
      const b = lowerSubject === 'we' ? v.toLowerCase() : baseOf(v);
      return b && APPROACH_VERB.test(b) ? `${and}${gerundOf(b)}` : m;
    });
    // "… to address the aforementioned gaps": the purpose points back, the means stays.
    const clause = tighten(`${gerundOf(base)} ${coordinated}`).replace(
      /,?\s+(?:in order )?to\s+(?:address|solve|tackle|overcome|mitigate|alleviate|resolve|bridge|close|fill)\s+(?:these|this|those|such|both|the (?:above|aforementioned|above-mentioned))\b[^,;]*$/i,
      '',
    );
    if (!standsAlone(clause)) continue;
    // "incorporating two innovative components": says that there are parts, not what they are.
    if (
      /^\w+ (?:(?:two|three|four|several|a few|some|the following|multiple)\s+)?(?:[\w-]+\s+){0,2}(?:components?|modules?|parts?|stages?|steps?|strategies|techniques|mechanisms|contributions|improvements|aspects|designs?|innovations|ideas|changes)$/i.test(
        clause,
      )
    )
      continue;
    let score = 0;
    if (/^(?:consist|comprise|contain|include|combine|use|employ|leverage|utili[sz]e|design|build|decouple|fuse|integrate)/i.test(base)) score += 0.5;
    if (/^(?:propose|introduce|develop|extend)$/i.test(base)) score -= 0.3;
    if (/\d/.test(clause)) score -= 0.3;
    score -= 0.15 * index;
    found.push({ index, clause, score });
  }
  return found;
}

export interface TldrParts {
  text: string;
  /** Index of the sentence the TL;DR states. */
  index: number;
  /** Index of the sentence whose result it adds, if any. */
  resultIndex?: number;
}

/**
 * Words a one-line summary can do without, so more of what the paper did fits: intensifiers
 * ("significantly", "highly"), "specifically designed for" (→ "for"), "is able to" (→ "can"),
 * "in order to" (→ "to") and lower-case asides in brackets ("(facial image-to-text)").
 */
export function tighten(text: string): string {
  return tidy(
    text
      .replace(/\b(?:specifically|especially|carefully|purposely|explicitly) (designed|tailored|crafted|built) (for|to)\b/gi, '$1 $2')
      .replace(/\b(?:is|are) (?:also )?(?:able|capable) to\b/gi, 'can')
      .replace(/\bin order to\b/gi, 'to')
      .replace(
        /\b(?:highly|very|effectively|successfully|significantly|substantially|greatly|considerably|remarkably|dramatically|truly|seamlessly|readily|consistently|notably) (?=[a-z])/gi,
        '',
      )
      .replace(/\s*\((?=[a-z][^()]*\s)[^()]{3,60}\)/g, ''),
  );
}
