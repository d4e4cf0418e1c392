import { capitalise, lowerFirst } from './compress.js';
import { escapeRegExp } from '../util/regexp.js';
import { titleName } from './score.js';
import { baseOf, baseOfGerund, thirdPerson } from './verbs.js';
/** Naming the contribution: the method's name first ("We propose FooNet, a …" → "FooNet is a …"), and the name an abstract uses. */

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
const NAME_TOKEN = /^["'“]?(?:[A-Z][\p{L}\p{N}]*(?:[-+.][\p{L}\p{N}]+)*\+*|[a-z][a-z0-9]*[A-Z][\p{L}\p{N}-]*)["'”]?$/u;
/** Acronyms that name a field or a model family, not a contribution. */
const GENERIC_ACRONYM =
  /^(?:LLMs?|VLMs?|LVLMs?|MLLMs?|LMMs?|LMs?|NLP|NLU|CV|AI|ML|DNNs?|CNNs?|ConvNets?|RNNs?|GNNs?|ViTs?|GPUs?|CPUs?|TPUs?|SOTA|MLPs?|SSMs?|RL|ASR|TTS|QA|KV|PTQ|QAT|MoE|INRs?|G?FLOPs|MACs|BLEU|FID|PSNR|SSIM|mIoU|mAP)$/;

const ENDS_ON_PREPOSITION = /\s(?:of|for|to|in|on|with|by|from|and|or)$/i;

/** A name is a single name-like token or a short run of capitalised words ("Double Sparsity"). */
export function isName(candidate: string): boolean {
  const words = candidate.trim().split(/\s+/);
  if (words.length === 0 || words.length > 4) return false;
  if (words.length === 1) {
    const w = words[0] ?? '';
    return NAME_TOKEN.test(w) && (/[A-Z].*[A-Z0-9]|[0-9]|^[a-z]+[A-Z]/.test(w) || w.length >= 3) && !GENERIC_ACRONYM.test(w);
  }
  return words.every((w) => /^["'“]?[A-Z0-9]/.test(w)) && !words.some((w) => /^(?:We|This|The|A|An|In|Our)$/.test(w));
}

/** A single word that can only be a name: inner capitals or digits ("DEYOLO", "MFTcoder", "GPT-4"). */
export function isStrongName(word: string): boolean {
  const w = unquote(word);
  return isName(w) && /^[^\s]+$/.test(w) && /[a-z][A-Z]|[A-Z].*[A-Z]|[A-Z].*\d|^[a-z]+[A-Z]/.test(w);
}

const unquote = (s: string) => s.replace(/^["'“]+|["'”,]+$/g, '').trim();

/** The contribution sentence with the name first, when it announces a named thing; otherwise unchanged. */
export function nameFirst(sentence: string, knownName?: string, leadName?: string): string {
  const body = sentence.replace(/[.!?]+$/, '');
  // "Leveraging X, we propose Language-Codec." → "Language-Codec leverages X."
  const bare = new RegExp(`^([A-Z][a-z]+ing)\\s+([^,]{5,150}),\\s+we\\s+${CONTRIBUTION_VERB}\\s+(?:the\\s+)?([^\\s,;:()]+)$`).exec(body);
  if (bare && isName(unquote(bare[3] ?? ''))) {
    const base = baseOfGerund((bare[1] ?? '').toLowerCase());
    if (base) return `${unquote(bare[3] ?? '')} ${thirdPerson(base)} ${bare[2]}.`;
  }
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
  // "We propose several designs of X and introduce DrBERT (…), a method …": the named second half is the contribution.
  const second =
    /^(?:(?:in this (?:paper|work|study),?|here,?)\s+)?we\s+[^,;]{5,120}?\s+and\s+(?:then\s+)?(propose|introduce|present|develop)\s+([^]{20,})$/i.exec(body);
  if (second) {
    const named = nameFirst(`We ${second[1]} ${second[2]}.`, knownName, leadName);
    if (!/^We\s/.test(named)) return named;
  }
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
    // "Long Name (ACRO)" leads with the acronym; "DrBERT (Decoder-refined BERT)" with the name before the bracket.
    const name = unquote(lead[2] && isName(lead[2]) && !/\s/.test(lead[2]) ? lead[2] : (lead[1] ?? ''));
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
    /^((?:[Aa]n?|[Tt]he)\s[^]*?)(?:,\s*|\s+)(called|named|dubbed|termed|coined|namely)(?:\s+as)?\s+(["'“][^"'”]{2,40}["'”]|(?:[A-Z][^\s,;:()]*\s+){1,5}[^\s,;:()]+\s*\([^()]{2,20}\)|[A-Z][^\s,;:()]*(?:\s+[A-Z][^\s,;:()]*){1,2}(?=[\s,.]|$)|[^\s,;:()]+(?:\s*\([^()]{2,20}\))?)(?:,\s*|\s+|$)/.exec(
      object,
    );
  if (naming && naming[1] && naming[1].length <= 140) {
    // "called Multi-modal Multi-task Masked Autoencoders (MultiMAE)": the long name with its acronym.
    const long = /^(\S+(?:\s+\S+)+?)\s*\(([^()]+)\)$/.exec(naming[3] ?? '');
    const raw = long && isName(long[2] ?? '') ? (long[1] ?? '') : (naming[3] ?? '').replace(/\s*\(([^()]+)\)$/, '');
    const name = long && isName(long[2] ?? '') && isName(raw) ? `${raw} (${long[2]})` : unquote(raw);
    if (isName(name) || (long && name.endsWith(')'))) {
      let rest = object.slice(naming[0].length).trim();
      rest = rest.replace(/^(?:which|that)\s+/i, 'that ');
      const desc = naming[1].replace(/,\s*$/, '');
      return `${name} is ${desc}${rest ? `${/^(?:that|for|to|with|in|on|which)\b/i.test(rest) ? ' ' : ', '}${rest}` : ''}.`;
    }
  }
  // "We propose a method, Progressive Fourier Neural Representation (PFNR), that aims to …"
  const longApposition =
    /^((?:an?|the)\s[^,;:()]{3,60}?),\s+(?:(?:termed|called|named|dubbed)\s+)?((?:[^\s,;:()]+\s+){0,5}?[^\s,;:()]+)\s*\(([^()]{2,20})\)(?:,\s+(?:(which|that)\s+)?([^]*))?$/i.exec(
      object,
    );
  if (longApposition && isName(longApposition[3] ?? '')) {
    const [, desc, long, acronym, relative, rest] = longApposition;
    return `${capitalise(long ?? '')} (${acronym}) is ${desc}${rest ? (relative ? ` that ${rest}` : `, ${rest}`) : ''}.`;
  }
  // "We present a multi-task fine-tuning framework, MFTcoder, that enables …"
  const apposition = /^((?:an?|the)\s[^,;:]{3,120}?),\s+([^\s,;:]+)(?:,\s+(?:(which|that)\s+)?([^]*))?$/i.exec(object);
  if (apposition && isStrongName(apposition[2] ?? '')) {
    const [, desc, name, relative, rest] = apposition;
    return `${unquote(name ?? '')} is ${desc}${rest ? (relative ? ` that ${rest}` : `, ${rest}`) : ''}.`;
  }
  // "We design a dual-enhancement-based cross-modality object detection network DEYOLO."
  const trailing = /^((?:an?|the)\s[^,;:()]{5,140}?)\s+([^\s,;:()]+)(,\s+[^]*)?$/i.exec(object);
  // Not "a framework for CIR, whose …": what it is for is not its name.
  if (trailing && isStrongName(trailing[2] ?? '') && !ENDS_ON_PREPOSITION.test(trailing[1] ?? ''))
    return `${unquote(trailing[2] ?? '')} is ${trailing[1]}${trailing[3] ?? ''}.`;
  // "We introduce a fast, data-free model editing method Diff-QuickFix which can edit …"
  const trailingRelative = /^((?:an?|the)\s[^;:()]{5,140}?)\s+([^\s,;:()]+)\s+(which|that)\s+([^]{10,})$/i.exec(object);
  if (trailingRelative && isStrongName(trailingRelative[2] ?? '') && !ENDS_ON_PREPOSITION.test(trailingRelative[1] ?? '')) {
    const [, desc, name = '', , rest] = trailingRelative;
    return `${unquote(name)} is ${desc} that ${rest}.`;
  }
  // "We propose a binary embedding-based retrieval (BEBR) engine …": the bracket names the head phrase.
  const bracket = /^((?:an?|the)\s[^,;:()]*?)\s*\(([^()]{2,20})\)/i.exec(object);
  if (bracket && bracket[1] && !/\s(?:for|of|in|on|to|with|from|by|that|which)\s/i.test(bracket[1])) {
    const name = unquote(bracket[2] ?? '');
    if (isName(name) && (!/s$/.test(name) || /[a-z]s$/.test(name) === false)) {
      const rest = object.slice(bracket[0].length);
      return `${name} is ${bracket[1]}${rest}.`;
    }
  }
  const embedded = leadName ? undefined : /^(?:the|an?)\s+(?:[a-z][\w-]*\s+){0,3}?((?:[A-Z][a-z][\w-]*\s+){1,3}[A-Z][a-z][\w-]*)\s+[a-z]/.exec(object)?.[1];
  const fallback = (leadName ? knownFirst(object, leadName) : undefined) ?? (embedded ? knownFirst(object, embedded) : undefined) ?? unnamedFirst(object);
  // "In this paper we devise …" → "We devise …".
  return fallback ?? `${capitalise(body.replace(/^(?:in this (?:paper|work|study),?|here,?)\s+(?=we\s)/i, ''))}.`;
}

/**
 * "We propose a Hybrid Distillation strategy, which …" / "We propose an early exiting strategy …" when
 * the paper's name is known → "Hybrid Distillation is a strategy that …" / "MuE is an early exiting strategy …".
 */
function knownFirst(object: string, name: string): string | undefined {
  // "We propose to directly model images as JPEG files" → "JPEG-LM directly models images as JPEG files".
  const toVerb = /^to\s+((?:[a-z]+ly\s+)?)([a-z]+)\s+([^]{10,})$/.exec(object);
  if (toVerb) {
    const [, adverb = '', verb = '', rest] = toVerb;
    if (/^(?:be|the|an?|our|this|their|its|study|investigate|explore|analy[sz]e|examine)$/.test(verb) || rest?.includes(name)) return undefined;
    return `${name} ${adverb}${thirdPerson(verb)} ${rest}.`;
  }
  const np = /^(an?|the)\s+([^,;:()]{3,140}?)(?=$|,|;|:|\s(?:that|which|to|for|with|by|based|using|in|on|of)\s)/i.exec(object);
  if (!np) return undefined;
  const [whole, , head = ''] = np;
  const at = head.toLowerCase().indexOf(name.toLowerCase());
  const escaped = escapeRegExp(name);
  const rest = object
    .slice(whole.length)
    .replace(new RegExp(`,?\\s*(?:namely|called|dubbed|termed|named)\\s+${escaped}(?=[,.;]|$)`), '')
    .replace(/^,\s*(?:which|that)\s+/i, ' that ');
  // The object names something else, or names it later ("… : Probabilistic Circuits (PCs)").
  if (rest.includes(name) || /^[^,;]{0,60}\(([^()]{2,20})\)/.test(rest)) return undefined;
  if (at < 0) return `${name} is ${whole}${rest}.`;
  const left = `${head.slice(0, at)}${head.slice(at + name.length)}`.replace(/\s+/g, ' ').trim();
  if (left === '' || /^(?:of|for|and|or)\b/i.test(left)) return undefined;
  return `${name} is ${/^[aeiou]/i.test(left) ? 'an' : 'a'} ${left}${rest}.`;
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
  if (!m) return unnamedParticiple(object);
  const [, subject = '', verb = '', rest = ''] = m;
  if (/(?:ss|us|is)$/.test(verb) || !baseOf(verb) || rest.length < 10) return undefined;
  return `${capitalise(subject)} ${verb} ${rest}.`;
}

/** "We propose a model architecture, building upon X" → "A model architecture builds upon X". */
function unnamedParticiple(object: string): string | undefined {
  const m =
    /^(an?\s[^,;:()]{5,120}?)(?:,\s*|\s+)(consisting|comprising|containing|combining|using|leveraging|featuring|integrating|incorporating|building|employing|exploiting|utili[sz]ing|enabling|allowing)\s+([^]{10,})$/i.exec(
      object,
    );
  if (!m) return undefined;
  const [, subject = '', gerund = '', rest = ''] = m;
  if (/\s(?:for|of|to|in|on|with|by|from|and|or|the|an?)$/i.test(subject)) return undefined;
  const base = baseOfGerund(gerund);
  if (!base) return undefined;
  return `${capitalise(subject)} ${thirdPerson(base)} ${rest}.`;
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

function announced(token: string, abstract: string): boolean {
  const escaped = escapeRegExp(token);
  return new RegExp(
    `\\((?:${escaped})\\)|\\b(?:(?:we|this (?:paper|work|study))\\s+(?:[a-z]+\\s+)?(?:propose|introduce|present|develop|design|call)[a-z]*|called|named|dubbed|termed|coined|namely)\\s+(?:(?:an?|the|our)\\s+)?(?:[\\w-]+\\s+)?${escaped}\\b`,
  ).test(abstract);
}

/**
 * The known name when the paper defines it: in the title, in brackets ("… Exiting (MuE)") or after
 * "called"/"dubbed"; a name the abstract only mentions ("e.g. BERT, GPT") is not the contribution's.
 */
export function definedName(name: string | undefined, title: string, abstract: string): string | undefined {
  if (!name) return undefined;
  // "(Ptr-Net)" defines "Ptr-Nets" too.
  const singular = name.replace(/(?<=[a-z])s$/, '');
  if (title.includes(name) || abstract.includes(`(${name})`) || abstract.includes(`(${singular})`)) return name;
  const escaped = escapeRegExp(singular);
  const naming = new RegExp(`\\b(?:called|named|dubbed|termed|coined|namely|call\\s[^.]{0,40}?)\\s+(?:as\\s+)?(?:an?\\s+)?["'“]?${escaped}`);
  return naming.test(abstract) ? name : undefined;
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
    // "VideoMAE V2: …" whose abstract says only "VideoMAE": the paper's name is the title's, not its predecessor's.
    const [head = '', ...more] = fromTitle.split(/\s+/);
    if (
      more.length > 0 &&
      more.length <= 2 &&
      more.every((w) => /^[A-Z0-9][\w.+-]*$/.test(w)) &&
      /^[\w.+-]+$/.test(head) &&
      isStrongName(head) &&
      abstract.includes(head)
    ) {
      return fromTitle;
    }
  }
  const counts = new Map<string, number>();
  for (const m of abstract.matchAll(/(?<![\p{L}\p{N}-])([A-Za-z][\p{L}\p{N}]*(?:[-+.][\p{L}\p{N}]+)*)/gu)) {
    let token = m[1] ?? '';
    if (!/[a-z][A-Z]|[A-Z].*[A-Z]|[A-Z].*\d/.test(token) || GENERIC_ACRONYM.test(token) || token.length < 3) continue;
    // "Single-Instrument", "Multi-Instrument": capitalised words joined by hyphens, not a coined name.
    if (/^[A-Z][a-z]{4,}(?:-[A-Z][a-z]{4,})+$/.test(token)) continue;
    // "mmMamba-linear" is a variant of "mmMamba".
    const head = token.split('-')[0] ?? token;
    if (head.length >= 3 && /[a-z][A-Z]|[A-Z].*[A-Z]/.test(head) && !GENERIC_ACRONYM.test(head)) token = head;
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 1;
  for (const [token, mentions] of counts) {
    // A name the abstract announces ("we propose TILDEv2", "(MuE)") over one it mentions more ("BERT-based").
    const count = mentions >= 2 && announced(token, abstract) ? mentions + 3 : mentions;
    if (count > bestCount || (count === bestCount && best !== undefined && title.includes(token) && !title.includes(best))) {
      best = token;
      bestCount = count;
    }
  }
  // "FineQuant: …" whose abstract never says FineQuant: the title's name, unless the abstract defines another.
  if (!best && fromTitle && !GENERIC_ACRONYM.test(fromTitle) && isStrongName(fromTitle)) {
    return fromTitle;
  }
  return best;
}
