/** Word-level helpers shared by the search index and the summariser. */

const WORD = /[\p{L}\p{N}]+/gu;

/** Function words: never an index term, never a key phrase. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but
  by can could did do does doing down during each few for from further had has have having he her here hers him his how
  however i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out
  over own same she should so some such than that the their theirs them then there these they this those through thus to
  too under until up very via was we were what when where whereas which while who whom why will with would you your
  yours`.split(/\s+/),
);

/** Stopwords, and the words that carry no content in a key phrase either ("several", "within", "makes"). */
export const PHRASE_STOPWORDS: ReadonlySet<string> = new Set([
  ...STOPWORDS,
  ...`across almost along although always among another cannot done either even ever every least less let like made make
  makes many may might much must neither often one onto others ourselves per rather several since themselves toward
  towards upon us whether whose within without yet`.split(/\s+/),
]);

/** The words of `text`: runs of letters and digits, as written. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Lower-cased words with their inner hyphens, dots and apostrophes ("gpt-4", "3.5", "model's"). */
export function compoundWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-.'][\p{L}\p{N}]+)*/gu) ?? [];
}
