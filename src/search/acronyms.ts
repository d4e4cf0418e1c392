import { normalizeTerm, terms } from './analyze.js';
import { findDefinitions } from '../text/acronyms.js';
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
