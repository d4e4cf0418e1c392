/**
 * Lines of site chrome seen on Daily Papers pages (navigation, banners), compared after lower-casing
 * and dropping punctuation and spaces, so "Get trending papers in your email inbox !" still matches.
 */
const CHROME = new Set(
  [
    'new',
    'get trending papers in your email inbox',
    'subscribe',
    'daily papers',
    'trending papers',
    'papers',
    'byak and the research community',
    'by ak and the research community',
    'hugging face',
    'search',
    'log in',
    'login',
    'sign up',
    'submit',
    'submit a paper',
    'previous',
    'next',
    'load more',
    'show more',
    'daily',
    'weekly',
    'monthly',
    'trending',
    'today',
  ].map(chromeKey),
);

function chromeKey(line: string): string {
  return line.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function isChrome(line: string): boolean {
  return line.length <= 60 && CHROME.has(chromeKey(line));
}
