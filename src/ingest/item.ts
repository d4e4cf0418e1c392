import { z } from 'zod';
import { cleanLine } from '../corpus/text.js';
import { utcDay } from './dates.js';
import type { IngestedPaper } from './types.js';

/**
 * One item of a daily papers list, checked with zod for the fields paperwire uses (unknown fields
 * are ignored: the API adds fields over time). The fields the API always sends are required; an
 * optional field that is there but wrong is left out with a note, and the paper is kept.
 */

const MAX_TITLE = 500;
const MAX_ABSTRACT = 20_000;
const MAX_AI_SUMMARY = 2_000;
const MAX_KEYWORDS = 40;
const MAX_COUNT = 100_000_000;

/** New-style (2502.12345) and old-style (hep-th/9901001, math.GT/0309136) arXiv ids, with an optional version. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a date' });
const count = z.number().int().min(0).max(MAX_COUNT);
const text = z.string();

const requiredPaper = z.object({
  id: z.string().refine((s) => ARXIV_ID.test(s), { message: 'is not an arXiv id' }),
  title: text.refine((s) => cleanText(s).length > 0, { message: 'is empty' }),
  summary: text.refine((s) => cleanText(s).length > 0, { message: 'is empty' }),
  // Always sent by the API: a wrong one makes the item malformed; a missing one is noted and left out.
  authors: z.array(z.unknown()).nullish(),
  publishedAt: instant.nullish(),
  submittedOnDailyAt: instant.nullish(),
  upvotes: count.nullish(),
});

const requiredItem = z.looseObject({ paper: z.looseObject({}) });

const httpUrl = z
  .string()
  .max(2_000)
  .refine(
    (s) => {
      try {
        const url = new URL(s);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(s);
      } catch {
        return false;
      }
    },
    { message: 'is not an http(s) URL' },
  );
const organization = z.object({ name: z.string().optional(), fullname: z.string().optional() });

/** Optional fields: where each is read from, and its rule. */
const optional = {
  githubRepo: { from: 'paper', schema: httpUrl },
  githubStars: { from: 'paper', schema: count },
  projectPage: { from: 'paper', schema: httpUrl },
  organization: { from: 'paper', schema: organization },
  ai_summary: { from: 'paper', schema: text },
  ai_keywords: { from: 'paper', schema: z.array(z.string()) },
  numComments: { from: 'item', schema: count },
  thumbnail: { from: 'item', schema: httpUrl },
} as const;

export type ItemResult = { ok: true; paper: IngestedPaper; notes: string[] } | { ok: false; reason: string; label: string };

/** Reads one item of the list for `date`; `label` names it in warnings (its arXiv id or title when it has them). */
export function readItem(raw: unknown, date: string): ItemResult {
  const label = itemLabel(raw);
  const item = requiredItem.safeParse(raw);
  if (!item.success) return { ok: false, label, reason: describeIssues(item.error, '') };
  const inner = item.data.paper as Record<string, unknown>;
  const paper = requiredPaper.safeParse(inner);
  if (!paper.success) return { ok: false, label, reason: describeIssues(paper.error, 'paper.') };
  const p = paper.data;

  const notes: string[] = [];
  const outer = raw as Record<string, unknown>;
  const read = <K extends keyof typeof optional>(key: K): z.infer<(typeof optional)[K]['schema']> | undefined => {
    const rule = optional[key];
    const value = rule.from === 'paper' ? inner[key] : outer[key];
    if (value === undefined || value === null) return undefined;
    const parsed = rule.schema.safeParse(value);
    if (parsed.success) return parsed.data as z.infer<(typeof optional)[K]['schema']>;
    notes.push(`${rule.from === 'paper' ? 'paper.' : ''}${key} ${describeIssues(parsed.error, '', false)}; left out`);
    return undefined;
  };

  for (const key of ['authors', 'publishedAt', 'upvotes'] as const) if (p[key] == null) notes.push(`paper.${key} is missing; left out`);
  if (p.submittedOnDailyAt == null) notes.push(`paper.submittedOnDailyAt is missing; listed on ${date} as asked`);

  const arxivId = p.id.replace(/v\d+$/, '');
  const listDate = p.submittedOnDailyAt == null ? date : utcDay(new Date(p.submittedOnDailyAt));
  const result: IngestedPaper = {
    id: arxivPaperId(arxivId),
    title: clip(cleanText(p.title), MAX_TITLE),
    abstract: clip(cleanText(p.summary), MAX_ABSTRACT),
    appearances: [],
    arxivId,
    url: `https://huggingface.co/papers/${arxivId}`,
    listDate: listDate > date ? listDate : date,
    listDates: [...new Set([listDate, date])].sort(),
  };
  if (p.authors != null) result.authorsCount = p.authors.length;
  if (p.publishedAt != null) result.publishedAt = utcDay(new Date(p.publishedAt));
  if (p.upvotes != null) result.upvotes = p.upvotes;
  const org = read('organization');
  const orgName = cleanText(org?.fullname ?? '') || cleanText(org?.name ?? '');
  if (orgName) result.organization = clip(orgName, 200);
  const githubRepo = read('githubRepo');
  if (githubRepo) result.githubRepo = githubRepo;
  const githubStars = read('githubStars');
  if (githubStars !== undefined) result.githubStars = githubStars;
  const projectPage = read('projectPage');
  if (projectPage) result.projectPage = projectPage;
  const thumbnail = read('thumbnail');
  if (thumbnail) result.thumbnail = thumbnail;
  const aiSummary = cleanText(read('ai_summary') ?? '');
  if (aiSummary) result.aiSummary = clip(aiSummary, MAX_AI_SUMMARY);
  const keywords = [...new Set((read('ai_keywords') ?? []).map((k) => clip(cleanText(k), 100)).filter(Boolean))].slice(0, MAX_KEYWORDS);
  if (keywords.length > 0) result.aiKeywords = keywords;
  const numComments = read('numComments');
  if (numComments !== undefined) result.numComments = numComments;
  return { ok: true, paper: result, notes };
}

/** The paperwire id of an arXiv paper: stable, and in the ids' alphabet `[a-z0-9-]` (2502.12345 → arxiv-2502-12345). */
export function arxivPaperId(arxivId: string): string {
  return `arxiv-${arxivId
    .replace(/v\d+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** Text as a reader sees it on one line: abstracts come with line breaks. */
function cleanText(raw: string): string {
  return cleanLine(raw.replace(/\s*[\r\n]+\s*/g, ' '));
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function itemLabel(raw: unknown): string {
  const paper = (raw as { paper?: { id?: unknown; title?: unknown } } | null)?.paper;
  if (typeof paper?.id === 'string' && paper.id.trim()) return clip(cleanLine(paper.id), 40);
  const title = typeof paper?.title === 'string' ? paper.title : (raw as { title?: unknown } | null)?.title;
  if (typeof title === 'string' && cleanText(title)) return `"${clip(cleanText(title), 60)}"`;
  return 'no id';
}

const KINDS: Record<string, string> = { object: 'an object', array: 'a list', int: 'a whole number', number: 'a number', string: 'text' };

/** zod's issues in plain words: "paper.title is missing; paper.upvotes must be a number". */
function describeIssues(error: z.ZodError, prefix: string, named = true): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const name = named ? `${prefix}${path || 'the item'} ` : '';
      if (issue.code === 'invalid_type') {
        if (/received undefined/.test(issue.message)) return `${name}is missing`.trim();
        return `${name}should be ${KINDS[issue.expected] ?? `a ${issue.expected}`}`.trim();
      }
      if (issue.code === 'too_small' || issue.code === 'too_big') return `${name}is out of range`.trim();
      if (issue.code === 'invalid_format') return `${name}is not in the expected format`.trim();
      return `${name}${issue.message}`.trim();
    })
    .join('; ');
}
