import type { App } from '@slack/bolt';
import type { Runtime } from '../../features/runtime.js';
import { eventLedger } from '../event-ledger.js';
import { digestUsage, registerDigest } from './digest.js';
import { installUsage, registerInstall } from './install.js';
import { papersUsage, registerPapers } from './papers.js';
import { mergeUsage, type SlackUsage } from './usage.js';

/** One Slack feature: what it uses (for the manifest) and how it listens. */
export interface SlackFeature {
  name: string;
  usage: Partial<SlackUsage>;
  register(app: App, rt: Runtime): void;
}

/** Every Slack feature. */
export const features: SlackFeature[] = [
  { name: 'papers', usage: papersUsage, register: registerPapers },
  { name: 'digest', usage: digestUsage, register: registerDigest },
  { name: 'install', usage: installUsage, register: registerInstall },
];

/** What the code uses in all: the single source of truth the manifest is checked against. */
export const slackUsage: SlackUsage = mergeUsage(features.map((f) => f.usage));

export function registerListeners(app: App, rt: Runtime): void {
  app.error(async (error) => {
    rt.log.error('unhandled error in a Slack listener', { error });
  });
  app.use(eventLedger(rt));
  for (const feature of features) feature.register(app, rt);
}
