import { normalizeTerm, terms } from './analyze.js';
import type { Steps } from '../util/steps.js';

/**
 * Acronyms and their expansions, both as index terms: `moe` ↔ [`mixture`, `expert`]. Learnt from
 * the corpus ("Mixture of Experts (MoE)") plus a short list of field-wide ones papers rarely spell out.
 */
export interface AcronymTable {
  /** acronym term → expansions (term lists), most often seen first */
  expansions: Map<string, string[][]>;
}

/** Well-known acronyms of the field; the corpus adds its own. */
const KNOWN: ReadonlyArray<[string, string]> = [
  ['MoE', 'mixture of experts'],
  ['LLM', 'large language model'],
  ['VLM', 'vision language model'],
  ['MLLM', 'multimodal large language model'],
  ['RAG', 'retrieval augmented generation'],
  ['RL', 'reinforcement learning'],
  ['RLHF', 'reinforcement learning from human feedback'],
  ['KV', 'key value'],
  ['NeRF', 'neural radiance field'],
  ['3DGS', '3d gaussian splatting'],
  ['ViT', 'vision transformer'],
  ['DiT', 'diffusion transformer'],
  ['GAN', 'generative adversarial network'],
  ['VAE', 'variational autoencoder'],
  ['CoT', 'chain of thought'],
  ['SFT', 'supervised fine tuning'],
  ['DPO', 'direct preference optimization'],
  ['PPO', 'proximal policy optimization'],
  ['GRPO', 'group relative policy optimization'],
  ['LoRA', 'low rank adaptation'],
  ['PEFT', 'parameter efficient fine tuning'],
  ['ASR', 'automatic speech recognition'],
  ['TTS', 'text to speech'],
  ['OCR', 'optical character recognition'],
  ['VQA', 'visual question answering'],
  ['GNN', 'graph neural network'],
  ['CNN', 'convolutional neural network'],
  ['RNN', 'recurrent neural network'],
  ['SSM', 'state space model'],
  ['NLP', 'natural language processing'],
  ['MT', 'machine translation'],
  ['KD', 'knowledge distillation'],
  ['ICL', 'in context learning'],
  ['MCTS', 'monte carlo tree search'],
  ['SLAM', 'simultaneous localization and mapping'],
  ['VLA', 'vision language action'],
];

const SHORT_FORM = /^[A-Za-z][A-Za-z0-9-]{1,9}$/;
const PARENTHESISED = /\(([^()]{2,12})\)/g;

/** Acronym definitions found in one text, as [short form, long form] pairs. */
export function findDefinitions(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const m of text.matchAll(PARENTHESISED)) {
    const short = (m[1] ?? '').trim().replace(/s$/, '');
    if (!SHORT_FORM.test(short) || (short.match(/[A-Z]/g)?.length ?? 0) < 2) continue;
    const letters = short.replace(/[^A-Za-z0-9]/g, '');
    const before = text
      .slice(Math.max(0, m.index - 120), m.index)
      .split(/\s+/)
      .filter(Boolean);
    const window = before.slice(-Math.min(letters.length + 5, letters.length * 2)).join(' ');
    const long = wordStartLongForm(letters, window) ?? bestLongForm(letters, window);
    if (long) found.push([short, long]);
  }
  return found;
}

/**
 * The long form whose words (split at spaces and hyphens) start with the short form's letters, each
 * letter taking a whole word or continuing the one before: "Self-Supervised Learning (SSL)".
 */
function wordStartLongForm(short: string, candidate: string): string | undefined {
  const parts = candidate.split(/(?=[\s-])/);
  const initials = parts.map((p) =>
    p
      .replace(/^[\s-]+/, '')
      .charAt(0)
      .toLowerCase(),
  );
  const letters = short.toLowerCase();
  let s = letters.length - 1;
  let k = initials.length - 1;
  while (s >= 0 && k >= 0) {
    if (initials[k] === letters[s]) s--;
    else if (s === letters.length - 1 || !STOP_INITIALS.test(parts[k]!.trim())) return undefined;
    k--;
  }
  if (s >= 0) return undefined;
  const long = parts
    .slice(k + 1)
    .join('')
    .replace(/^[\s-]+/, '');
  return long.split(/[\s-]+/).length >= 2 ? long : undefined;
}

/** Small words a long form may skip: "Reinforcement Learning from Human Feedback (RLHF)". */
const STOP_INITIALS = /^-?(of|for|from|the|and|to|in|on|with|a|an|via|by)$/i;

/**
 * Schwartz & Hearst (2003): match the short form's characters right to left inside the words before
 * it; the first character must start a word. Returns the long form or undefined.
 */
function bestLongForm(short: string, candidate: string): string | undefined {
  let s = short.length - 1;
  let l = candidate.length - 1;
  const lower = candidate.toLowerCase();
  const sl = short.toLowerCase();
  while (s >= 0) {
    const c = sl[s]!;
    while (l >= 0 && (lower[l] !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lower[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const long = candidate.slice(l + 1).trim();
  const wordCount = long.split(/[\s-]+/).length;
  return wordCount >= 2 && long.length > short.length ? long : undefined;
}

/** Builds the table from the known list and every definition in the given texts. */
export function* acronymSteps(texts: Iterable<string>): Steps<AcronymTable> {
  const counts = new Map<string, Map<string, { terms: string[]; n: number }>>();
  const add = (short: string, long: string, weight: number) => {
    const acronym = normalizeTerm(short);
    const expansion = terms(long);
    if (!acronym || expansion.length < 2 || expansion.includes(acronym)) return;
    const key = expansion.join(' ');
    let forAcronym = counts.get(acronym);
    if (!forAcronym) counts.set(acronym, (forAcronym = new Map()));
    const entry = forAcronym.get(key);
    if (entry) entry.n += weight;
    else forAcronym.set(key, { terms: expansion, n: weight });
  };
  for (const [short, long] of KNOWN) add(short, long, 1);
  let seen = 0;
  for (const text of texts) {
    if (++seen % 256 === 0) yield;
    for (const [short, long] of findDefinitions(text)) add(short, long, 1);
  }
  const expansions = new Map<string, string[][]>();
  for (const [acronym, forms] of counts) {
    expansions.set(
      acronym,
      [...forms.values()]
        .sort((a, b) => b.n - a.n)
        .slice(0, 3)
        .map((f) => f.terms),
    );
  }
  return { expansions };
}
