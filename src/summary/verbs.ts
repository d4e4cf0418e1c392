/** Verb forms the TL;DR's rewrites need: "use" → "uses" / "using", "quantizing" → "quantize". */

export const GERUND: Record<string, string> = {
  achiev: 'achieving',
  reach: 'reaching',
  improv: 'improving',
  outperform: 'outperforming',
  surpass: 'surpassing',
  reduc: 'reducing',
  cut: 'cutting',
  speed: 'speeding',
  increas: 'increasing',
  boost: 'boosting',
  compress: 'compressing',
  lower: 'lowering',
  attain: 'attaining',
  obtain: 'obtaining',
  yield: 'yielding',
  exceed: 'exceeding',
  set: 'setting',
  deliver: 'delivering',
  match: 'matching',
  decreas: 'decreasing',
  sav: 'saving',
  beat: 'beating',
  gain: 'gaining',
  scor: 'scoring',
  accelerat: 'accelerating',
  halv: 'halving',
  shrink: 'shrinking',
  lift: 'lifting',
  rais: 'raising',
  push: 'pushing',
  bring: 'bringing',
  run: 'running',
  lead: 'leading',
  rank: 'ranking',
  top: 'topping',
  recover: 'recovering',
  retain: 'retaining',
  preserv: 'preserving',
  maintain: 'maintaining',
  narrow: 'narrowing',
  close: 'closing',
  perform: 'performing',
  demonstrat: 'demonstrating',
  show: 'showing',
  offer: 'offering',
  provid: 'providing',
  enabl: 'enabling',
  exhibit: 'exhibiting',
  produc: 'producing',
  remain: 'remaining',
  stay: 'staying',
  keep: 'keeping',
  use: 'using',
  need: 'needing',
  require: 'requiring',
  scal: 'scaling',
  achieve: 'achieving',
  rival: 'rivaling',
  generat: 'generating',
  enhanc: 'enhancing',
  handl: 'handling',
  realiz: 'realizing',
  realis: 'realising',
  mak: 'making',
};

/** "-ing" of a verb's base form: "use" → "using", "run" → "running", "apply" → "applying". */
export function gerundOf(base: string): string {
  const w = base.toLowerCase();
  if (/^(?:run|set|get|cut|put|plan|ship|stop|map|top|swap|drop|split|hit|win|beg|pin|tag|trim)$/.test(w)) {
    return w === 'split' || w === 'hit' ? `${w}ting` : `${w}${w.slice(-1)}ing`;
  }
  if (/ie$/.test(w)) return `${w.slice(0, -2)}ying`;
  if (/[^aeiou]e$|[^e]ue$|[aiou]e$/.test(w) && !/(?:ee|ye|oe)$/.test(w)) return `${w.slice(0, -1)}ing`;
  return `${w}ing`;
}

/** The base form of a third-person or past verb: "generates" → "generate", "matches" → "match". */
export function baseOf(verb: string): string | undefined {
  const w = verb.toLowerCase();
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ss|x|zz|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/ses$/.test(w)) return w.slice(0, -1);
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return undefined;
}

/** The third person of a verb's base form: "use" → "uses", "match" → "matches", "apply" → "applies". */
export function thirdPerson(base: string): string {
  if (/[^aeiou]y$/i.test(base)) return `${base.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/i.test(base)) return `${base}es`;
  return `${base}s`;
}

/** The base form behind an "-ing" form: "quantizing" → "quantize", "running" → "run", "learning" → "learn". */
export function baseOfGerund(gerund: string): string | undefined {
  const w = gerund.toLowerCase();
  if (!/ing$/.test(w) || w.length < 6) return undefined;
  let stem = w.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(stem) && !/(?:ll|ss|zz|ff)$/.test(stem)) return stem.slice(0, -1);
  if (/y$/.test(stem) && /(?:ly|ry|fy|py|dy|ty|ny)$/.test(stem)) return stem; // applying → apply
  const silentE =
    /(?:[^aeiou]v|[aeiou]v|iz|yz|[aeiou]c|[nr]c|[^n]g|[^aeiou]l|[^e]al|[^aeiou][aeiou]t|[^aeio]ur|[^aeiou]us|[^o]od|[^aeiou][aeiou]d|[^e]ak|[^e]ar|[^a]ir|[^aeo]in|un|[^aeiou][aeiou]s|[^aeiou][aeiou]r|[^aeiou][aeiou]m|[^aeiou][aeiou]n|ap|op|[aeiou]b)$/;
  if (
    silentE.test(stem) &&
    !/(?:ain|oin|ein|ern|arn|orm|ect|act|ict|uct|ept|apt|opt|ent|ant|ast|est|ist|ost|ust|out|it|et|ot|eal|eat|oat|ool|eed|uit|ear|air|eer|oor|ong|ing|ang|ung|ign|ull|ell|ill|all|ap|op)$/.test(
      stem,
    )
  ) {
    stem = `${stem}e`;
  }
  return stem;
}
