import { contentWords } from './words.js';

/**
 * How much each sentence of an abstract looks like the statement of the contribution, and how much
 * like a key point (approach, result, reach). Cue phrases of scientific writing, the title's words and
 * names, and the sentence's place in the abstract; no training data, so it generalises to any abstract.
 */

export interface ScoredSentence {
  index: number;
  text: string;
  score: number;
}

const CONTRIBUTION_VERB =
  'propos|introduc|present|develop|design|releas|describ|build|construct|creat|contribut|unveil|curat|devis|formulat|put forward|offer|establish|pioneer|report|provide';
const STRONG_CUE = new RegExp(`\\b(?:we|this (?:paper|work|study|report|article)|here)\\b[^.;]{0,50}?\\b(?:${CONTRIBUTION_VERB})`, 'i');
const PASSIVE_CUE = new RegExp(`\\b(?:is|are|was|were) (?:first )?(?:${CONTRIBUTION_VERB})\\w*`, 'i');
const OUR_CUE =
  /\b(?:our (?:method|approach|model|framework|system|work|paper|contribution|key (?:idea|insight))|the proposed|the key (?:idea|insight)|main contribution|in this (?:paper|work|study))\b/i;
const FINDING_CUE =
  /\b(?:we|this (?:paper|work|study))\b[^.;]{0,30}?\b(?:show|find|found|demonstrat|reveal|observ|argue|identif|investigat|stud|explor|examin|analy[sz]|theoretically|prove|establish|uncover|discover|highlight|benchmark|evaluat|train|fine-tun|leverag|focus)/i;
const NAMING_CUE = /\b(?:named|called|dubbed|termed|coined)\b/i;
const BACKGROUND =
  /\b(?:however|although|though|despite|existing|current(?:ly)?|recent(?:ly)?|remains?|challeng\w*|limitations?|suffer\w*|lack\w*|struggl\w*|often|typically|traditional(?:ly)?|conventional(?:ly)?|widely|increasingly|growing|popular|has (?:been|become|shown|achieved|emerged|gained|attracted|made)|have (?:been|become|shown|achieved|emerged|gained|attracted|made|demonstrated|revolutionized)|yet|unclear|unexplored|under-explored|underexplored|bottleneck|costly|expensive|prohibitive|difficult|hinder\w*|fail\w*|impractical|still|rely|relies|while)\b/gi;
const AVAILABILITY =
  /\b(?:code (?:and|is|will|are)|codes? (?:is|are|will)|(?:code|data|models?|dataset|weights|demo\w*|project page|checkpoints)[^.]{0,60}\b(?:available|released|open-sourced|public)|will be (?:made )?(?:publicly )?(?:available|released)|open-source[ds]? at)/i;
/** Sentences that add a second contribution ("Additionally, we …", "We also …") rarely state the main one. */
/** Elaborations ("Specifically, we …") often carry the named method after a vague announcement. */
const ELABORATION = /^(?:(?:more )?specifically|more precisely|concretely|in particular)\b/i;
const ADDITIVE =
  /^(?:additionally|furthermore|moreover|in addition|besides|also|finally|lastly|further|(?:we|it|they) (?:also|further|furthermore|additionally|moreover|then|finally))\b/i;
const ALSO = /\b(?:we|it|they) (?:also|further|additionally|furthermore|moreover)\b/i;
/** One part of a method listed over several sentences ("Second, we introduce …", "2) We …"). */
const ORDINAL = /^(?:\(?(?:[1-9]|i{1,3}|iv)\)|(?:first|second|third|fourth)(?:ly)?,)\s/i;
/** Outlook and conclusions: what the authors hope or believe, not what they did. */
const OUTLOOK =
  /\b(?:we (?:believe|hope|envision|expect|anticipate|conclude|discuss)|(?:future|further) (?:work|research|directions?|studies)|(?:open|pave)s? (?:up )?(?:the|a|new) (?:way|door|avenue|direction)|we leave)\b/i;
/** Experiments on the method rather than the method. */
const EVALUATION =
  /^(?:[^,]{0,40},\s*)?(?:we (?:evaluate|conduct|perform|run|carry out|test|validate|benchmark|compare|experiment|verify|showcase|illustrate|demonstrate the (?:effectiveness|efficacy|superiority))|(?:our )?(?:extensive |comprehensive )?experiments?(?: results)? (?:on|show|demonstrate|indicate)|(?:our )?experimental (?:results|assessments|evaluations?))\b/i;
/** "We propose a new direction to achieve this goal.": refers back instead of naming anything. */
const VAGUE =
  /\b(?:this|these|that|such|the above|the aforementioned)(?: two| three| both| key| main)? (?:goal|issue|issues|problem|problems|gap|limitation|limitations|challenge|challenges|end|question)\b/i;
const LEAD_IN = /^[^,]{0,80},\s+(?=we\s)/i;
const IN_THIS_PAPER_WE = /\b(?:in this (?:paper|work|study)|here),? we\b/i;
const URL = /https?:\/\/|github\.com/i;
const RESULT =
  /\b(?:outperform\w*|surpass\w*|achiev\w*|improv\w*|reduc\w*|speed(?:s|ing)? up|speedup|faster|fewer|smaller|higher|lower|better|state-of-the-art|sota|accuracy|gain\w*|boost\w*|match\w*|beat\w*|exceed\w*|record|compar\w* favorably)\b/i;
const NUMBER = /(?:[+-]?\d+(?:\.\d+)?\s?(?:%|x\b|×|-?bit\b|\s?points?\b|\s?(?:BLEU|FID|mIoU|AP|F1|ms|GB|MB|FPS|tokens))|\b\d+(?:\.\d+)?\b)/gi;
const APPROACH =
  /\b(?:consist\w*|compos\w*|architecture|module|we (?:use|employ|adopt|design|train|leverage|combine|extend|build|introduce|propose|develop|apply|formulate|decompose|replace|augment|incorporate)|based on|by (?:using|leveraging|combining|introducing|training|learning|exploiting|decoupling|adding|replacing)|trained|pipeline|mechanism|strategy|objective|loss|encoder|decoder|layer\w*|step\w*|stage\w*|framework|algorithm|technique|procedure|key idea|insight)\b/i;
const REACH =
  /\b(?:appl(?:y|ies|ied|icable|ication\w*)|generali[sz]\w*|downstream|transfer\w*|enabl\w*|scal\w*|deploy\w*|real-world|practical|plug-and-play|zero-shot|across|robust\w*|open-source)\b/i;

export function titleName(title: string): string | undefined {
  const head = /^([^:]{2,40}):/.exec(title)?.[1]?.trim();
  // "Sparse Query Attention (SQA): …": the acronym is what the abstract calls it.
  const acronym = head && /^[^()]+\(([^()\s]{2,20})\)$/.exec(head)?.[1];
  if (acronym) return acronym;
  if (head && head.split(/\s+/).length <= 4) return head;
  // A word written as a name, not title-case words joined by hyphens ("Text-to-Image", "Multi-Task").
  const named = title.split(/\s+/).find((w) => /^[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*$/.test(w) && /[a-z][A-Z]|[A-Z]{2,}|[A-Z].*\d/.test(w) && w.length >= 3);
  return named?.replace(/[^\w-]+$/, '');
}

function titleOverlap(sentence: string, title: string): number {
  const t = new Set(contentWords(title));
  if (t.size === 0) return 0;
  const s = new Set(contentWords(sentence));
  let shared = 0;
  for (const w of t) if (s.has(w)) shared++;
  return shared / t.size;
}

function backgroundHits(sentence: string): number {
  return (sentence.match(BACKGROUND) ?? []).length;
}

/** Sentences by how well they state the contribution, best first (ties: earlier first). */
export function rankContributions(sentences: string[], title: string): ScoredSentence[] {
  const name = titleName(title)?.toLowerCase();
  const n = sentences.length;
  const scored = sentences.map((text, index) => {
    const lower = text.toLowerCase();
    let score = 0;
    const strong = STRONG_CUE.test(text);
    if (strong) score += 3;
    else if (PASSIVE_CUE.test(text)) score += 2;
    if (OUR_CUE.test(text)) score += 1;
    if (IN_THIS_PAPER_WE.test(text)) score += 1;
    if (ADDITIVE.test(text) || ALSO.test(text) || ORDINAL.test(text)) score -= 1.5;
    if (OUTLOOK.test(text)) score -= 3;
    if (EVALUATION.test(text)) score -= 2;
    if (VAGUE.test(text) && text.length < 90) score -= 2.5;
    if (ELABORATION.test(text)) score -= 0.5;
    if (URL.test(text)) score -= 1;
    if (FINDING_CUE.test(text)) score += strong ? 0.3 : 1.5;
    if (NAMING_CUE.test(text)) score += 0.8;
    if (name && lower.includes(name)) score += 1.2;
    score += 2 * titleOverlap(text, title);
    // Background words in a scene-setting lead-in ("To address this limitation, we …") do not count.
    score -= 0.7 * Math.min(3, backgroundHits(strong ? text.replace(LEAD_IN, '') : text));
    if (index === 0 && !strong) score -= 1;
    if (AVAILABILITY.test(text)) score -= 5;
    if (text.length < 40) score -= 1;
    if (text.length > 400) score -= 0.5;
    const numbers = (text.match(NUMBER) ?? []).length;
    if (numbers >= 3) score -= 0.6;
    // Contributions come early; results and outlook come late.
    score -= n > 1 ? 0.8 * (index / (n - 1)) : 0;
    return { index, text, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** Sentences by how much they add as a key point (approach, results with numbers, reach), best first. */
export function rankKeyPoints(sentences: string[], title: string, contributionIndex = 0): ScoredSentence[] {
  const scored = sentences.map((text, index) => {
    let score = 0;
    const numbers = (text.match(NUMBER) ?? []).length;
    if (RESULT.test(text)) score += 1.5;
    if (numbers > 0) score += Math.min(2, 0.6 * numbers);
    if (APPROACH.test(text)) score += 1.2;
    if (REACH.test(text)) score += 0.6;
    if (STRONG_CUE.test(text) || PASSIVE_CUE.test(text)) score += 0.8;
    score += titleOverlap(text, title);
    score -= 0.8 * Math.min(3, backgroundHits(text));
    if (index === 0) score -= 1;
    // What comes before the contribution is mostly the problem and prior work.
    if (index < contributionIndex) score -= 1.5;
    if (OUTLOOK.test(text)) score -= 1.5;
    if (AVAILABILITY.test(text)) score -= 6;
    if (URL.test(text)) score -= 1;
    if (text.length > 250) score -= 0.8;
    if (text.length > 180) score -= 0.5;
    if (text.length < 30) score -= 1;
    return { index, text, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index);
}
