import { cleanSentence, compress, dropHype, dropLeadingClause, tidy } from './compress.js';
import { hasDanglingReference, isFragment } from './dangling.js';
import { type ScoredSentence, titleName } from './score.js';
import { containment } from './words.js';

/**
 * The TL;DR a reader would write: the method's name, what it does, and its headline result, in one
 * sentence with nothing that points outside it. Built from the abstract's contribution sentence
 * ("We propose FooNet, a sparse attention scheme that …" → "FooNet is a sparse attention scheme that …")
 * and, when that sentence has no number, the main clause of the best results sentence turned into a
 * participle (", cutting memory by 40% on …").
 */

const CONTRIBUTION_VERB =
  '(?:propose|introduce|present|develop|design|build|release|describe|contribute|offer|construct|curate|create|unveil|devise|put forward|establish)';
/** "We propose X", "This paper introduces X", "Here we present X". */
const ANNOUNCE = new RegExp(
  `^(?:(?:in this (?:paper|work|study),?\\s+|here,?\\s+)?we|this (?:paper|work|study|report|article)|our (?:paper|work))\\s+(?:(?:first|here|also|further|then|thus|therefore|now|newly)\\s+)?${CONTRIBUTION_VERB}(?:s|d|ed)?\\s+`,
  'i',
);
/** "We show that X": X is the finding, and stands alone. */
const FINDING =
  /^(?:we|this (?:paper|work|study)|our (?:results|analysis|experiments|findings))\s+(?:(?:theoretically|empirically|formally|also|further|first)\s+)?(?:show|find|demonstrate|prove|reveal|establish|argue|observe|conclude|confirm)(?:s|ed)?,?\s+that\s+/i;
const NAMING = /^(?:called|named|dubbed|termed|coined|namely|which we (?:call|name|dub|term))\s+/i;
/** A token written as a name: "FaceNet", "OTOv2", "M2-BERT", "LLM-FP4", "mmMamba", "CRATE". */
const NAME_TOKEN = /^["'“]?(?:[A-Z][\p{L}\p{N}]*(?:[-+.][\p{L}\p{N}]+)*\+*|[a-z]+[A-Z][\p{L}\p{N}-]*)["'”]?$/u;
/** Acronyms that name a field or a model family, not a contribution. */
const GENERIC_ACRONYM =
  /^(?:LLMs?|VLMs?|LVLMs?|MLLMs?|LMs?|NLP|NLU|CV|AI|ML|DNNs?|CNNs?|RNNs?|GNNs?|ViTs?|GPUs?|CPUs?|TPUs?|SOTA|MLPs?|SSMs?|RL|ASR|TTS|QA|KV|PTQ|QAT|MoE|INRs?)$/;

/** A name is a single name-like token or a short run of capitalised words ("Double Sparsity"). */
function isName(candidate: string): boolean {
  const words = candidate.trim().split(/\s+/);
  if (words.length === 0 || words.length > 4) return false;
  if (words.length === 1) {
    const w = words[0] ?? '';
    return NAME_TOKEN.test(w) && (/[A-Z].*[A-Z0-9]|[0-9]|^[a-z]+[A-Z]/.test(w) || w.length >= 3) && !GENERIC_ACRONYM.test(w);
  }
  return words.every((w) => /^["'“]?[A-Z0-9]/.test(w)) && !words.some((w) => /^(?:We|This|The|A|An|In|Our)$/.test(w));
}

/** A single word that can only be a name: inner capitals or digits ("DEYOLO", "MFTcoder", "GPT-4"). */
function isStrongName(word: string): boolean {
  const w = unquote(word);
  return isName(w) && /^[^\s]+$/.test(w) && /[a-z][A-Z]|[A-Z].*[A-Z]|[A-Z].*\d|^[a-z]+[A-Z]/.test(w);
}

function lowerFirst(text: string): string {
  return /^(?:A|An|The)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const unquote = (s: string) => s.replace(/^["'“]+|["'”,]+$/g, '').trim();

/** The contribution sentence with the name first, when it announces a named thing; otherwise unchanged. */
export function nameFirst(sentence: string, knownName?: string): string {
  const body = sentence.replace(/[.!?]+$/, '');
  // "A tri-level attention-based DeepLabv3+ architecture (DeepTriNet) is proposed for …"
  const passive = new RegExp(
    `^((?:an?|the)\\s[^()]{5,120}?)\\s*\\(([^()]{2,20})\\)\\s+(?:is|was)\\s+(?:first\\s+)?${CONTRIBUTION_VERB}d?\\s+([^]*)$`,
    'i',
  ).exec(body);
  if (passive && isName(passive[2] ?? '')) return `${passive[2]} is ${lowerFirst(passive[1] ?? '')} ${passive[3]}.`;
  const finding = FINDING.exec(body);
  if (finding) {
    const rest = body.slice(finding[0].length);
    if (rest.length >= 40 && !/^(?:we|it|they|this|these|such)\b/i.test(rest)) return `${capitalise(rest)}.`;
    return sentence;
  }
  // "The outcome of our effort is a new generation of YOLO detectors, dubbed YOLOv10."
  const dubbed = /^[^,]{0,80}?\b(?:is|are)\s+((?:an?|the)\s[^]{5,160}?),?\s+(?:dubbed|called|named|termed|coined)\s+([^\s,;:()]+)$/i.exec(body);
  if (dubbed && isName(unquote(dubbed[2] ?? ''))) return `${unquote(dubbed[2] ?? '')} is ${dubbed[1]}.`;
  const announce = ANNOUNCE.exec(body);
  if (!announce) return analysisFirst(body) ?? sentence;
  const object = body.slice(announce[0].length);
  const purpose = namedPurpose(object, knownName);
  if (purpose) return purpose;

  // "We propose FooNet, a sparse …" / "We present Franca: a …" / "We present FastComposer which enables …"
  const lead =
    /^(?:the\s+)?((?:["'“][^"'”]{2,40}["'”])|[^\s,:;(]+(?:\s+[A-Z0-9][^\s,:;(]*){0,3})(?:\s*\(([^()]{2,60})\))?(?:\s*[,:—–]\s*|\s+--?\s+|\s+(?=(?:which|that|an?|the)\s))/.exec(
      object,
    );
  if (lead) {
    const name = unquote(lead[2] && isName(lead[2]) ? lead[2] : (lead[1] ?? ''));
    const rest = object.slice(lead[0].length);
    if (isName(name) || (knownName && name.toLowerCase() === knownName.toLowerCase())) {
      const relative = /^(?:which|that)\s+(.*)$/i.exec(rest);
      if (relative) return `${name} ${relative[1]}.`;
      if (/^(?:an?|the|one|two|three|our)\s/i.test(rest) && rest.length >= 15) return `${name} is ${rest}.`;
    }
  }
  // "We introduce the Reducing Task Discrepancy of text encoders (RTD), a plug-and-play scheme …"
  const defined = /^(?:the\s+)?[^,;:()]{3,120}?\s*\(([^()]{2,20})\),\s+((?:an?|the)\s[^]*)$/i.exec(object);
  if (defined && isStrongName(defined[1] ?? '') && (defined[2] ?? '').length >= 15) return `${defined[1]} is ${defined[2]}.`;
  // "We propose a sparse …, called FooNet, that …" / "… architecture called MAXIM, that …"
  const naming =
    /^((?:an?|the)\s[^]*?)(?:,\s*|\s+)(called|named|dubbed|termed|coined|namely)(?:\s+as)?\s+(["'“][^"'”]{2,40}["'”]|[^\s,;:()]+(?:\s*\([^()]{2,20}\))?)(?:,\s*|\s+|$)/i.exec(
      object,
    );
  if (naming && naming[1] && naming[1].length <= 140) {
    const raw = (naming[3] ?? '').replace(/\s*\(([^()]+)\)$/, '');
    const name = unquote(raw);
    if (isName(name)) {
      let rest = object.slice(naming[0].length).trim();
      rest = rest.replace(/^(?:which|that)\s+/i, 'that ');
      const desc = naming[1].replace(/,\s*$/, '');
      return `${name} is ${desc}${rest ? `${/^(?:that|for|to|with|in|on|which)\b/i.test(rest) ? ' ' : ', '}${rest}` : ''}.`;
    }
  }
  // "We present a multi-task fine-tuning framework, MFTcoder, that enables …"
  const apposition = /^((?:an?|the)\s[^,;:]{3,120}?),\s+([^\s,;:]+)(?:,\s+(?:(which|that)\s+)?([^]*))?$/i.exec(object);
  if (apposition && isStrongName(apposition[2] ?? '')) {
    const [, desc, name, relative, rest] = apposition;
    return `${unquote(name ?? '')} is ${desc}${rest ? (relative ? ` that ${rest}` : `, ${rest}`) : ''}.`;
  }
  // "We design a dual-enhancement-based cross-modality object detection network DEYOLO."
  const trailing = /^((?:an?|the)\s[^,;:()]{5,140}?)\s+([^\s,;:()]+)(,\s+[^]*)?$/i.exec(object);
  if (trailing && isStrongName(trailing[2] ?? '')) return `${unquote(trailing[2] ?? '')} is ${trailing[1]}${trailing[3] ?? ''}.`;
  // "We propose a binary embedding-based retrieval (BEBR) engine …": the bracket names the head phrase.
  const bracket = /^((?:an?|the)\s[^,;:()]*?)\s*\(([^()]{2,20})\)/i.exec(object);
  if (bracket && bracket[1] && !/\s(?:for|of|in|on|to|with|from|by|that|which)\s/i.test(bracket[1])) {
    const name = unquote(bracket[2] ?? '');
    if (isName(name) && (!/s$/.test(name) || /[a-z]s$/.test(name) === false)) {
      const rest = object.slice(bracket[0].length);
      return `${name} is ${bracket[1]}${rest}.`;
    }
  }
  return unnamedFirst(object) ?? sentence;
}

/** The third person of a verb's base form: "use" → "uses", "match" → "matches", "apply" → "applies". */
export function thirdPerson(base: string): string {
  if (/[^aeiou]y$/i.test(base)) return `${base.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(base)) return `${base}es`;
  return `${base}s`;
}

/** The base form behind an "-ing" form: "quantizing" → "quantize", "running" → "run", "learning" → "learn". */
export function baseOfGerund(gerund: string): string | undefined {
  const w = gerund.toLowerCase();
  if (!/ing$/.test(w) || w.length < 6) return undefined;
  let stem = w.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(stem) && !/(?:ll|ss|zz|ff)$/.test(stem)) return stem.slice(0, -1);
  if (/y$/.test(stem) && /(?:ly|ry|fy|py|dy|ty|ny)$/.test(stem)) return stem; // applying → apply
  const silentE =
    /(?:[^aeiou]v|[aeiou]v|iz|yz|[aeiou]c|[nr]c|[^n]g|[^aeiou]l|[^e]al|[^aeiou][aeiou]t|[^aeio]ur|[^aeiou]us|[^o]od|[^aeiou][aeiou]d|[^e]ak|[^e]ar|[^a]ir|[^aeo]in|un|[^aeiou][aeiou]s|[^aeiou][aeiou]r|[^aeiou][aeiou]m|[^aeiou][aeiou]n|ap|op|[aeiou]b)$/;
  if (
    silentE.test(stem) &&
    !/(?:ain|oin|ein|ern|arn|orm|ect|act|ict|uct|ept|apt|opt|ent|ant|ast|est|ist|ost|ust|out|it|et|ot|eal|eat|oat|ool|eed|uit|ear|air|eer|oor|ong|ing|ang|ung|ign|ull|ell|ill|all|ap|op)$/.test(
      stem,
    )
  ) {
    stem = `${stem}e`;
  }
  return stem;
}

/** "We propose LLM-FP4 for quantizing X" → "LLM-FP4 quantizes X"; "We introduce FooNet to align X" → "FooNet aligns X". */
function namedPurpose(object: string, knownName?: string): string | undefined {
  const m = /^(?:the\s+)?((?:[^\s,;:()]+\s+){0,4}?[^\s,;:()]+)(?:\s*\(([^()]{2,20})\))?\s+(?:for\s+([a-z]+ing)|to\s+([a-z]+))\s+([^]+)$/.exec(object);
  if (!m) return namedFor(object);
  const [, long = '', acronym, gerund, base, rest = ''] = m;
  const name = acronym && isName(acronym) ? acronym : long;
  if (!isName(name) && !(knownName && name.toLowerCase() === knownName.toLowerCase())) return undefined;
  if (/^(?:an?|the|our|this)\b/i.test(long)) return undefined;
  const verb = gerund ? baseOfGerund(gerund) : base;
  if (!verb || /^(?:be|the|an?|our|this|their|its)$/.test(verb) || rest.length < 10) return undefined;
  const lead = acronym && name === acronym && long !== acronym ? `${long} (${acronym})` : name;
  return `${lead} ${thirdPerson(verb)} ${rest}.`;
}

/** "We introduce Vector Post-Training Quantization (VPTQ) for X" → "… (VPTQ) is a method for X". */
function namedFor(object: string): string | undefined {
  const m = /^(?:the\s+)?((?:[A-Z0-9][^\s,;:()]*\s+){0,5}[A-Z0-9][^\s,;:()]*)(?:\s*\(([^()]{2,20})\))?\s+for\s+([^]{10,})$/.exec(object);
  if (!m) return undefined;
  const [, long = '', acronym, rest = ''] = m;
  if (!(acronym ? isName(acronym) : isStrongName(long) || isName(long))) return undefined;
  if (/^(?:We|This|The|A|An|In|Our)\b/.test(long) || /^[^,;()]{0,60}\([^()]{2,20}\)/.test(rest)) return undefined;
  return `${acronym ? `${long} (${acronym})` : long} is a method for ${rest}.`;
}

/** "We propose an approach for X that generates Y" → "An approach for X generates Y" (no name to put first). */
function unnamedFirst(object: string): string | undefined {
  const m = /^(an?\s[^,;:()]{5,120}?)\s+(?:that|which)\s+([a-z]+s)\s+([^]+)$/i.exec(object);
  if (!m) return undefined;
  const [, subject = '', verb = '', rest = ''] = m;
  if (/(?:ss|us|is)$/.test(verb) || !baseOf(verb) || rest.length < 10) return undefined;
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${verb} ${rest}.`;
}

/** "We investigate X" → "The paper investigates X": an analysis paper says what it studied. */
function analysisFirst(body: string): string | undefined {
  const m =
    /^(?:(?:in this (?:paper|work|study),?|here,?)\s+)?we\s+((?:(?:first|systematically|empirically|theoretically|comprehensively|thoroughly|extensively|carefully|also)\s+)?)(study|investigate|explore|analy[sz]e|examine|evaluate|benchmark|characterize|characterise|survey|review|compare|revisit|quantify|assess|probe|measure|conduct|perform|train|provide|give|identify|uncover|establish|prove|derive|demonstrate|show|find)\s+([^]+)$/i.exec(
      body,
    );
  if (!m) return undefined;
  const [, adverbs = '', verb = '', rest = ''] = m;
  if (/^(?:that|how|whether|why|what)\b/i.test(rest) && /^(?:show|find|demonstrate|prove|establish)$/i.test(verb)) return undefined;
  // "We train and release X" → "The paper trains and releases X".
  const coordinated = rest.replace(
    /^((?:[^,;]{0,40}?\s)?and\s+(?:\w+ly\s+)?)(release|propose|introduce|present|show|find|demonstrate|evaluate|analy[sz]e|provide|develop|use|apply|compare|open-source|discuss|identify|offer|train)\b/i,
    (_, and: string, v: string) => `${and}${thirdPerson(v.toLowerCase())}`,
  );
  return `The paper ${adverbs}${thirdPerson(verb.toLowerCase())} ${coordinated}.`;
}

/** A number a reader would quote: with its unit, or a score on a named benchmark. */
const HEADLINE_NUMBER =
  /(?:\d(?:[\d,.]*\d)?\s?(?:%|×|x\b|times\b|-?fold\b|\s?(?:percentage )?points?\b|pp\b|\s?(?:BLEU|CodeBLEU|FID|mIoU|mAP|AP\d*|F1|FPS|ms|s\b|seconds?|minutes?|hours?|days?|GB|MB|KB|TB|[KMB]\b|tokens|FLOPs|dB|PSNR|WER|CER|accuracy|top-1|R@\d+|MRR@\d+|UTMOS|score))|\$\s?\d|\d(?:[\d,.]*\d)?\s+(?:on|in)\s+[A-Z])/i;
const RESULT_VERB =
  /\b(achiev|reach|improv|outperform|surpass|reduc|cut|speed|increas|boost|compress|lower|attain|obtain|yield|exceed|set|deliver|match|decreas|sav|beat|gain|scor|accelerat|halv|shrink|lift|rais|push|bring|run|lead|rank|top|deliver|recover|retain|preserv|maintain|narrow|close|perform|demonstrat|show|offer|provid|enabl|exhibit|attain|produc|remain|stay|keep|use|need|require|achieve|scal|rival|generat|enhanc|handl|realiz|realis|mak)(?:es|s|ed|d|e)?\b/i;
const GERUND: Record<string, string> = {
  achiev: 'achieving',
  reach: 'reaching',
  improv: 'improving',
  outperform: 'outperforming',
  surpass: 'surpassing',
  reduc: 'reducing',
  cut: 'cutting',
  speed: 'speeding',
  increas: 'increasing',
  boost: 'boosting',
  compress: 'compressing',
  lower: 'lowering',
  attain: 'attaining',
  obtain: 'obtaining',
  yield: 'yielding',
  exceed: 'exceeding',
  set: 'setting',
  deliver: 'delivering',
  match: 'matching',
  decreas: 'decreasing',
  sav: 'saving',
  beat: 'beating',
  gain: 'gaining',
  scor: 'scoring',
  accelerat: 'accelerating',
  halv: 'halving',
  shrink: 'shrinking',
  lift: 'lifting',
  rais: 'raising',
  push: 'pushing',
  bring: 'bringing',
  run: 'running',
  lead: 'leading',
  rank: 'ranking',
  top: 'topping',
  recover: 'recovering',
  retain: 'retaining',
  preserv: 'preserving',
  maintain: 'maintaining',
  narrow: 'narrowing',
  close: 'closing',
  perform: 'performing',
  demonstrat: 'demonstrating',
  show: 'showing',
  offer: 'offering',
  provid: 'providing',
  enabl: 'enabling',
  exhibit: 'exhibiting',
  produc: 'producing',
  remain: 'remaining',
  stay: 'staying',
  keep: 'keeping',
  use: 'using',
  need: 'needing',
  require: 'requiring',
  scal: 'scaling',
  achieve: 'achieving',
  rival: 'rivaling',
  generat: 'generating',
  enhanc: 'enhancing',
  handl: 'handling',
  realiz: 'realizing',
  realis: 'realising',
  mak: 'making',
};
/** "Experiments on X show that …", "On GLUE, …", "In practice, …": what comes before the result itself. */
const RESULT_LEAD =
  /^(?:[^,]{0,120}?\b(?:show|shows|showed|shown|demonstrate|demonstrates|demonstrated|indicate|indicates|reveal|reveals|confirm|confirms|verify|verifies|suggest|suggests)\s+that\s+)/i;
const FRAME_LEAD =
  /^(?:(?:in practice|for example|for instance|notably|empirically|numerically|experimentally|as a result|overall|specifically|in particular|remarkably|importantly|moreover|furthermore|additionally|finally|consequently|therefore|thus|in addition|in experiments|in our experiments),\s+|[^,]{2,80},\s+(?=(?:our|it|the|we|this)\b))/i;
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

interface ScoredHeadline extends Headline {
  score: number;
}

function headlineCandidates(sentences: readonly string[], name?: string): ScoredHeadline[] {
  const found: ScoredHeadline[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const raw = sentences[index] ?? '';
    if (!/\d/.test(raw)) continue;
    const sentence = cleanSentence(raw);
    if (!HEADLINE_NUMBER.test(sentence) || /https?:|github|available/i.test(sentence)) continue;
    const made = participle(sentence, name);
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

function bestHeadline(candidates: readonly ScoredHeadline[], skip: number): Headline | undefined {
  let best: ScoredHeadline | undefined;
  for (const c of candidates) if (c.index !== skip && (!best || c.score > best.score)) best = c;
  return best ? { index: best.index, clause: best.clause } : undefined;
}

/** Subjects that are results of something else, not a result: background, prior work, the problem. */
const OTHER_SUBJECT_BAD =
  /\b(?:existing|prior|previous|current|traditional|conventional|baselines?|they|them|their|these|those|this|such|it|its|which|that|who|where|when|if|while|although|however|because|since|recent|many|most|some|often|typically|results?|experiments?|evaluations?|analys[ie]s|findings?|ablations?|we|our|us)\b/i;

function participle(sentence: string, name?: string): { clause: string; self: boolean } | undefined {
  let text = sentence.replace(/[.!?]+$/, '');
  for (let i = 0; i < 2; i++) {
    const lead = RESULT_LEAD.exec(text) ?? FRAME_LEAD.exec(text);
    if (lead) text = text.slice(lead[0].length);
    else if (name) {
      const at = text.indexOf(`, ${name}`);
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
  subject = subject.replace(/,$/, '');
  const bare = subject.replace(/^(?:our|the|this)\s+(?:proposed\s+)?/i, '');
  const isSelf =
    SELF_SUBJECT.test(subject) || (name !== undefined && bare.startsWith(name) && bare.split(/\s+/).length <= 3 && !/\b(?:and|or|than|vs)\b/.test(bare));
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
    /[a-z0-9]s$/i.test(subject);
  if (!finite) return undefined;
  const gerund = GERUND[(verb[1] ?? '').toLowerCase()];
  if (!gerund) return undefined;
  const rest = text.slice(verb.index + word.length);
  // "cuts memory by 40% and runs 3.2x faster" → "cutting memory by 40% and running 3.2x faster".
  const coordinated = rest.replace(
    new RegExp(`(\\sand\\s+)(${Object.keys(GERUND).join('|')})(?:es|s|e)?\\b`, 'i'),
    (_, and: string, stem: string) => `${and}${GERUND[stem.toLowerCase()] ?? stem}`,
  );
  // "demonstrating impressive results, achieving 2.7x …": the praise goes, the number stays.
  let clause = tidy(`${gerund}${coordinated}`).replace(
    /^\w+ing (?:(?:impressive|strong|promising|remarkable|significant|superior|competitive|excellent|good|great|consistent|substantial|notable|clear)\s+)?(?:results|performance|improvements?|gains|effectiveness|efficiency|superiority)(?: (?:on|across|in) [^,]{0,40})?,\s+(?=\w+ing\b)/i,
    '',
  );
  if (!isSelf) clause = `with ${/^(?:The|An?)\s/.test(subject) ? lowerFirst(subject) : subject} ${clause}`;
  // The number is the point: it must come early, not after a list of other claims.
  const number = HEADLINE_NUMBER.exec(clause);
  if (!number || (number.index ?? 0) > 90 + (isSelf ? 0 : subject.length + 6)) return undefined;
  return { clause, self: isSelf };
}

/** "-ing" of a verb's base form: "use" → "using", "run" → "running", "apply" → "applying". */
export function gerundOf(base: string): string {
  const w = base.toLowerCase();
  if (/^(?:run|set|get|cut|put|plan|ship|stop|map|top|swap|drop|split|hit|win|beg|pin|tag|trim)$/.test(w)) {
    return w === 'split' || w === 'hit' ? `${w}ting` : `${w}${w.slice(-1)}ing`;
  }
  if (/ie$/.test(w)) return `${w.slice(0, -2)}ying`;
  if (/[^aeiou]e$|[^e]ue$|[aiou]e$/.test(w) && !/(?:ee|ye|oe)$/.test(w)) return `${w.slice(0, -1)}ing`;
  return `${w}ing`;
}

/** The base form of a third-person or past verb: "generates" → "generate", "matches" → "match". */
function baseOf(verb: string): string | undefined {
  const w = verb.toLowerCase();
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ss|x|zz|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/ses$/.test(w)) return w.slice(0, -1);
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return undefined;
}

/** Verbs that say how a method works, after "we" or the method's name. */
const APPROACH_VERB =
  /^(?:use|employ|adopt|design|train|leverage|combine|extend|build|introduce|propose|develop|apply|formulate|decompose|replace|augment|incorporate|utilize|utilise|exploit|add|insert|learn|model|encode|represent|treat|cast|reformulate|distill|distil|fuse|integrate|align|convert|transform|compress|quantize|prune|adapt|construct|generate|enforce|impose|inject|devise|couple|pair|project|map|split|partition|group|share|reuse|freeze|sparsify|decouple|unify|jointly|consist|comprise|contain|include|rely|operate|predict|learn|capture|exploit|process|compute|estimate|select|route|mix|cache|store|prune|sample|retrieve|fine-tune|pre-train|pretrain|finetune|initialize|optimize|optimise|minimize|maximize|reparameterize|approximate|factorize|aggregate|distribute|parallelize|offload)$/i;

interface ScoredApproach {
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
    text = text
      .replace(/^[^,]{2,70},\s+(?=we\s)/i, '')
      .replace(/^(?:specifically|concretely|in particular|more specifically|technically|at its core),\s+/i, '');
    const subjectVerb =
      /^(we|it|our (?:method|approach|model|framework|system|design|architecture|pipeline)|the (?:proposed )?(?:method|approach|model|framework|system|architecture|pipeline)|([^\s,;:]+))\s+(?:(?:first|also|further|then|additionally|jointly|simply|directly|explicitly|efficiently|effectively|mainly)\s+)?([a-z][a-z-]+)\s+([^]*)$/i.exec(
        text,
      );
    if (!subjectVerb) continue;
    const [, subject = '', named, verb = '', rest = ''] = subjectVerb;
    if (named !== undefined && (!name || named.toLowerCase() !== name.toLowerCase())) continue;
    const lowerSubject = subject.toLowerCase();
    const base = lowerSubject === 'we' ? verb.toLowerCase() : baseOf(verb);
    if (!base || !APPROACH_VERB.test(base)) continue;
    if (/^(?:also|further|additionally)\b/i.test(rest)) continue;
    // "… and leverages Y" → "… and leveraging Y".
    const coordinated = rest.replace(/(\s(?:and|while|then)\s+)([a-z]+)\b/gi, (m, and: string, v: string) => {
      const b = lowerSubject === 'we' ? v.toLowerCase() : baseOf(v);
      return b && APPROACH_VERB.test(b) ? `${and}${gerundOf(b)}` : m;
    });
    const clause = tighten(`${gerundOf(base)} ${coordinated}`);
    // A number makes it a result, which the headline states.
    if (clause.length < 30 || hasDanglingReference(clause) || /\b(?:we|our|us)\b/i.test(clause) || HEADLINE_NUMBER.test(clause)) continue;
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
    /^(?:however|therefore|thus|hence|moreover|furthermore|additionally|nevertheless|nonetheless|consequently|accordingly|similarly|likewise|meanwhile|then|also|in contrast|by contrast|on the other hand|in addition|as a result|as such|in turn|to (?:this|that) end|to do so|for this reason|first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly|next|besides|instead),\s+/i,
    '',
  );
  text = text.replace(/\b(we|it|they) (?:also|further|additionally|furthermore|moreover) /i, '$1 ');
  // "… designed to alleviate this bottleneck by reducing …" → "… reducing …".
  text = text.replace(PURPOSE_POINTER, (m) => (/\sby\s+$/.test(m) ? ' ' : ''));
  text = text.replace(OBJECT_POINTER, '');
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

/** The TL;DR from the ranked contribution sentences; undefined when no sentence can be made to stand alone. */
export function buildTldr(sentences: readonly string[], ranked: readonly ScoredSentence[], title: string, max: number): TldrParts | undefined {
  const name = knownName(title, sentences.join(' '));
  const tries = ranked.slice(0, 6);
  const headlines = headlineCandidates(sentences, name);
  const approaches = approachCandidates(sentences, name);
  for (const candidate of tries) {
    const built = fromSentence(sentences, candidate.index, name, max, headlines, approaches);
    if (built) return built;
  }
  return undefined;
}

function fromSentence(
  sentences: readonly string[],
  index: number,
  name: string | undefined,
  max: number,
  headlines: readonly ScoredHeadline[],
  approaches: readonly ScoredApproach[],
): TldrParts | undefined {
  const original = sentences[index] ?? '';
  let text = dropHype(dropLeadingClause(dropLeadingClause(cleanSentence(original))));
  text = repairReferences(text, name);
  text = tighten(nameFirst(text, name));
  const plain = compress(text, max).text;
  if (!acceptable(plain)) return undefined;
  const body = text.replace(/[.!?]+$/, '');
  const hasNumber = HEADLINE_NUMBER.test(plain);
  const result = hasNumber ? undefined : bestHeadline(headlines, index);
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
  if (approach && plain.length < max - 50) {
    const joined = assemble(body, [approach.clause], max);
    if (joined) return { text: joined, index };
  }
  return { text: plain, index };
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
    const head = clause.slice(0, end).replace(/[,;:\s]+$/, '');
    if (/\b(?:a|an|the|of|to|for|and|or|by|in|on|at|from|with|than|as)$/i.test(head)) continue;
    // "… 0.38-0.68 on Mistral-7B, 4.41-7.34 | on LLaMA-3": a bare number needs what follows it.
    if (/\d$/.test(head) && !HEADLINE_NUMBER.test(head.slice(head.search(/\S+$/)))) continue;
    if ((head.match(/\(/g) ?? []).length !== (head.match(/\)/g) ?? []).length) continue;
    best = end;
  }
  return best === undefined ? undefined : clause.slice(0, best).replace(/[,;:\s]+$/, '');
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

function bestApproach(candidates: readonly ScoredApproach[], index: number, body: string, resultIndex?: number): ScoredApproach | undefined {
  let best: ScoredApproach | undefined;
  for (const c of candidates) {
    if (c.index <= index || c.index > index + 4 || c.index === resultIndex) continue;
    // Nothing the contribution sentence already says.
    if (containment(c.clause, body) >= 0.5) continue;
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
  const wantLast = Math.min(clauses[last]?.length ?? 0, 90);
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
      const reserve = i < last ? Math.min(clauses[last]?.length ?? 0, 90) + 2 : 0;
      const budget = Math.min(room - 2 - reserve, i === last ? (last === 0 ? 90 + Math.max(0, room - 92) : 100) : 110);
      if (budget < 30) {
        ok = false;
        break;
      }
      const tail = (i === last ? keepNumber(clause, budget) : undefined) ?? compress(clause, budget).text.replace(/[.!?]+$/, '');
      if (tail.endsWith('…') || (i === last && (i > 0 || HEADLINE_NUMBER.test(clause)) && !/\d/.test(tail))) {
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

/**
 * The name the paper gives its contribution: the title's "Name:" prefix or a name-like word of the title,
 * when the abstract uses it; else the name-like word the abstract uses most (at least twice).
 */
export function knownName(title: string, abstract: string): string | undefined {
  const fromTitle = titleName(title);
  if (fromTitle && !GENERIC_ACRONYM.test(fromTitle)) {
    const at = abstract.toLowerCase().indexOf(fromTitle.toLowerCase());
    const found = at >= 0 ? abstract.slice(at, at + fromTitle.length) : '';
    if (/[A-Z]/.test(found)) return found;
  }
  const counts = new Map<string, number>();
  for (const m of abstract.matchAll(/(?<![\p{L}\p{N}-])([A-Za-z][\p{L}\p{N}]*(?:[-+.][\p{L}\p{N}]+)*)/gu)) {
    let token = m[1] ?? '';
    if (!/[a-z][A-Z]|[A-Z].*[A-Z]|[A-Z].*\d/.test(token) || GENERIC_ACRONYM.test(token) || token.length < 3) continue;
    // "mmMamba-linear" is a variant of "mmMamba".
    const head = token.split('-')[0] ?? token;
    if (head.length >= 3 && /[a-z][A-Z]|[A-Z].*[A-Z]/.test(head) && !GENERIC_ACRONYM.test(head)) token = head;
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 1;
  for (const [token, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && title.includes(token) && !title.includes(best))) {
      best = token;
      bestCount = count;
    }
  }
  return best;
}

function capitalise(text: string): string {
  if (/^[a-z][a-z0-9-]*[A-Z]/.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
