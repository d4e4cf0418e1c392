import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { LIMITS } from '../../src/views/limits.js';

/**
 * Validates Block Kit payloads the way Slack would: the JSON schema in test/fixtures (structure and
 * per-field limits) plus the rules the schema leaves out (block counts per surface, unique ids, the
 * cumulative text limit, the fallback text, and mrkdwn that could ping or link something by accident).
 */

const schema = JSON.parse(readFileSync(new URL('../fixtures/block-kit.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat('uri', (value: string) => {
  try {
    return Boolean(new URL(value).protocol);
  } catch {
    return false;
  }
});
const validateBlocks = ajv.compile(schema);
const validateHome = ajv.compile({ $ref: `${schema.$id}#/$defs/home_view` });
const validateModal = ajv.compile({ $ref: `${schema.$id}#/$defs/modal_view` });

export interface MessagePayload {
  text?: string;
  blocks?: unknown[];
  [key: string]: unknown;
}

export interface ViewPayload {
  type: string;
  blocks: unknown[];
  [key: string]: unknown;
}

/** Problems with a message payload (chat.postMessage, chat.postEphemeral, respond); [] when valid. */
export function messageProblems(payload: MessagePayload): string[] {
  const problems: string[] = [];
  if (typeof payload.text !== 'string' || payload.text.trim() === '') problems.push('message has no fallback text');
  else if (payload.text.length > LIMITS.messageText) problems.push(`fallback text is ${payload.text.length} characters, over ${LIMITS.messageText}`);
  else if (/[<>]|&(?!(amp|lt|gt);)/.test(payload.text)) problems.push(`unescaped fallback text: ${payload.text.slice(0, 60)}`);
  if (payload.blocks === undefined) return problems;
  if (!Array.isArray(payload.blocks)) return [...problems, 'blocks is not an array'];
  if (payload.blocks.length > LIMITS.messageBlocks) problems.push(`${payload.blocks.length} blocks, over ${LIMITS.messageBlocks} for a message`);
  problems.push(...schemaProblems(validateBlocks, payload.blocks), ...ruleProblems(payload.blocks));
  const total = texts(payload.blocks).reduce((n, t) => n + t.text.length, 0);
  if (total > LIMITS.messageBlocksText) problems.push(`blocks hold ${total} characters of text, over ${LIMITS.messageBlocksText}`);
  return problems;
}

/** Problems with a view (views.publish home, views.open modal); [] when valid. */
export function viewProblems(view: ViewPayload): string[] {
  const validate = view.type === 'home' ? validateHome : view.type === 'modal' ? validateModal : undefined;
  if (!validate) return [`unknown view type ${view.type}`];
  const problems = schemaProblems(validate, view);
  if (Array.isArray(view.blocks)) {
    if (view.blocks.length > LIMITS.viewBlocks) problems.push(`${view.blocks.length} blocks, over ${LIMITS.viewBlocks} for a view`);
    problems.push(...ruleProblems(view.blocks));
  }
  return problems;
}

export function expectValidMessage(payload: MessagePayload): void {
  const problems = messageProblems(payload);
  if (problems.length > 0) throw new Error(`invalid message payload:\n  ${problems.join('\n  ')}\n${JSON.stringify(payload).slice(0, 2000)}`);
}

export function expectValidView(view: ViewPayload): void {
  const problems = viewProblems(view);
  if (problems.length > 0) throw new Error(`invalid view payload:\n  ${problems.join('\n  ')}\n${JSON.stringify(view).slice(0, 2000)}`);
}

function schemaProblems(validate: ValidateFunction, data: unknown): string[] {
  if (validate(data)) return [];
  // A oneOf failure reports every branch; the deepest paths are the ones that say what is wrong.
  const errors = validate.errors ?? [];
  const deepest = Math.max(...errors.map((e) => e.instancePath.split('/').length));
  return errors
    .filter((e) => e.instancePath.split('/').length === deepest)
    .slice(0, 10)
    .map((e) => `schema: ${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** Slack's rules the schema cannot express. */
function ruleProblems(blocks: unknown[]): string[] {
  const problems: string[] = [];
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  for (const block of blocks as Array<Record<string, any>>) {
    if (typeof block?.block_id === 'string') {
      if (blockIds.has(block.block_id)) problems.push(`duplicate block_id ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    for (const id of actionIdsIn(block)) {
      if (actionIds.has(id)) problems.push(`duplicate action_id ${id}`);
      actionIds.add(id);
    }
  }
  // Slack shows only https images; an image it cannot fetch fails the whole message.
  for (const url of valuesOf(blocks, 'image_url')) if (!/^https:\/\/[^\s<>|]+$/.test(url)) problems.push(`image_url is not https: ${url.slice(0, 60)}`);
  // alt_text is read by Slack like other text: within its 2,000 characters, and escaped.
  for (const alt of valuesOf(blocks, 'alt_text')) {
    if (alt.length > 2000) problems.push(`alt_text is ${alt.length} characters, over 2000`);
    if (/[<>]|&(?!(amp|lt|gt);)/.test(alt)) problems.push(`unescaped alt_text: ${alt.slice(0, 60)}`);
  }
  for (const { text, mrkdwn } of texts(blocks)) {
    if (!mrkdwn) continue;
    // Every `<…>` must be one of our links or a user or channel mention we wrote; anything else is unescaped text (a ping, a fake link).
    for (const m of text.matchAll(/<([^>]*)>?/g)) {
      const ours = /^https?:\/\/[^\s|<>]+\|[^<>]*$/.test(m[1] ?? '') || /^@[UW][A-Z0-9]+$/.test(m[1] ?? '') || /^#[CGD][A-Z0-9]+$/.test(m[1] ?? '');
      if (!ours || !m[0].endsWith('>')) problems.push(`unescaped "<" in mrkdwn: ${m[0].slice(0, 60)}`);
    }
    for (const m of text.matchAll(/&(?!(amp|lt|gt);)/g)) problems.push(`unescaped "&" in mrkdwn at ${m.index}: ${text.slice(m.index, m.index + 20)}`);
    if (text.replace(/<https?:\/\/[^<>]*>|<@[UW][A-Z0-9]+>|<#[CGD][A-Z0-9]+>/g, '').includes('>'))
      problems.push(`unescaped ">" in mrkdwn: ${text.slice(0, 60)}`);
  }
  return problems;
}

/** Every string value of `name` in a block tree. */
function valuesOf(value: unknown, name: string, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) valuesOf(v, name, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === name && typeof v === 'string') out.push(v);
      else valuesOf(v, name, out);
    }
  }
  return out;
}

function actionIdsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) actionIdsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'action_id' && typeof v === 'string') out.push(v);
      else actionIdsIn(v, out);
    }
  }
  return out;
}

function texts(value: unknown, out: Array<{ text: string; mrkdwn: boolean }> = []): Array<{ text: string; mrkdwn: boolean }> {
  if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ((obj.type === 'mrkdwn' || obj.type === 'plain_text') && typeof obj.text === 'string') out.push({ text: obj.text, mrkdwn: obj.type === 'mrkdwn' });
    else for (const v of Object.values(obj)) texts(v, out);
  }
  return out;
}
