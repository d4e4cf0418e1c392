import type { ModalView } from '@slack/types';
import type { Message } from './message.js';

/** A private answer shown as a modal, for buttons on the App Home (which has no response_url). */
export function renderModal(message: Message): ModalView {
  return { type: 'modal', title: { type: 'plain_text', text: 'paperwire' }, close: { type: 'plain_text', text: 'Close' }, blocks: message.blocks };
}
