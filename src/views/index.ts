export { LIMITS } from './limits.js';
export { ELLIPSIS, truncate } from './truncate.js';
export { escapeMrkdwn, escapedLength, literalMrkdwn, literalLength, fitLiteral, fitEscaped, fitPlain, mrkdwnLink, boldMarks } from './mrkdwn.js';
export { huggingFaceSearchUrl, arxivSearchUrl } from './links.js';
export { section, header, context, divider, button, actions, type ButtonSpec } from './elements.js';
export { message, blockTexts, type Message, type MessageMetadata } from './message.js';
