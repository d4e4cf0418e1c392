import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, ImageElement, SectionBlock } from '@slack/types';
import { LIMITS } from './limits.js';
import { escapedLength, escapeMrkdwn, fitPlain } from './mrkdwn.js';
import { truncate } from './truncate.js';

/**
 * Block builders that cannot exceed Slack's limits. mrkdwn passed in is already escaped by the caller
 * (see mrkdwn.ts); it is only checked here, since cutting escaped text could split an entity.
 */

function checked(mrkdwn: string, max: number, what: string): string {
  if (mrkdwn.length > max) throw new Error(`${what} is ${mrkdwn.length} characters, over Slack's ${max}: fit it before rendering`);
  return mrkdwn || ' ';
}

export function section(mrkdwn: string, extra: { blockId?: string; accessory?: Button | ImageElement } = {}): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: checked(mrkdwn, LIMITS.sectionText, 'a section text'), verbatim: true },
    ...(extra.blockId ? { block_id: extra.blockId } : {}),
    ...(extra.accessory ? { accessory: extra.accessory } : {}),
  };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: fitPlain(text, LIMITS.headerText), emoji: true } };
}

export function context(...mrkdwn: string[]): ContextBlock {
  const elements = mrkdwn.filter((t) => t.length > 0).slice(0, LIMITS.contextElements);
  return { type: 'context', elements: elements.map((t) => ({ type: 'mrkdwn', text: checked(t, LIMITS.sectionText, 'a context text'), verbatim: true })) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  label: string;
  actionId: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export function button(spec: ButtonSpec): Button {
  if (spec.actionId.length > LIMITS.actionId) throw new Error(`action_id over ${LIMITS.actionId} characters`);
  if (spec.value !== undefined && (spec.value.length === 0 || spec.value.length > LIMITS.buttonValue))
    throw new Error(`button value must be 1 to ${LIMITS.buttonValue} characters`);
  if (spec.url !== undefined && spec.url.length > LIMITS.buttonUrl) throw new Error(`button url over ${LIMITS.buttonUrl} characters`);
  return {
    type: 'button',
    // A label may carry a query or a title: Slack's mention syntax is shown as look-alike brackets, never kept.
    text: { type: 'plain_text', text: truncate(spec.label.replace(/</g, '‹').replace(/>/g, '›'), LIMITS.buttonLabel), emoji: true },
    action_id: spec.actionId,
    ...(spec.value !== undefined ? { value: spec.value } : {}),
    ...(spec.url !== undefined ? { url: spec.url } : {}),
    ...(spec.style ? { style: spec.style } : {}),
  };
}

export function actions(buttons: Button[], blockId?: string): ActionsBlock {
  if (buttons.length === 0 || buttons.length > LIMITS.actionsElements) throw new Error(`an actions block holds 1 to ${LIMITS.actionsElements} elements`);
  return { type: 'actions', elements: buttons, ...(blockId ? { block_id: blockId } : {}) };
}

/**
 * An image element (a section's accessory). `url` must be https and already checked (see thumbnailUrl
 * in links.ts); the alt text is plain text from a paper, so it is cleaned, escaped like all text Slack
 * reads, and cut to fit.
 */
export function image(url: string, alt: string): ImageElement {
  if (!/^https:\/\/[^\s<>|]+$/.test(url) || url.length > LIMITS.imageUrl) throw new Error(`not an https image URL: ${url.slice(0, 80)}`);
  const clean = alt.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return { type: 'image', image_url: url, alt_text: escapeMrkdwn(truncate(fitPlain(clean, LIMITS.altText), LIMITS.altText, escapedLength)) };
}
