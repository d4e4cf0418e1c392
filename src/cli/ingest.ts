import { loadConfig } from '../config.js';
import { dailyPapersClient } from '../ingest/client.js';
import { addDays, daysBetween, isIsoDay, utcDay } from '../ingest/dates.js';
import { ingestRange, type DayResult, type IngestReport } from '../ingest/run.js';
import type { IngestWarning } from '../ingest/types.js';
import { openConfiguredStore } from '../store/open.js';
import { createLog } from '../util/log.js';
import { UsageError, type CliCommand } from './command.js';

/** The longest range one run takes: ten years (a typo such as 1025 for 2025 should not start a year-long run). */
const MAX_DAYS = 3_660;

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: "Fetch the Hugging Face daily papers lists into the library's database",
  usage: `Usage: paperwire ingest [--date YYYY-MM-DD | --from YYYY-MM-DD [--to YYYY-MM-DD]] [--json]

  --date DAY     one day's list (UTC)
  --from DAY     the first day of a range (UTC)
  --to DAY       the last day of the range, included (default: today)
  --json         print {"days":[{"date","papers","new","updated"}],"warnings":[{"date","message"}]}:
                 "days" holds the days read and stored; a day not open yet or failed is a warning

Without --date or --from: today and the two days before, in UTC. Every page of each day is read
from PAPERWIRE_HF_API_URL (default https://huggingface.co/api/) and kept in PAPERWIRE_DB; a paper
listed again, or with new upvotes, is updated, never duplicated.

Exit code: 0 when every day was read (an empty day or one not open yet counts), 1 when a day still
failed after retries (the other days are kept: run it again for the failed days), 2 for a usage error.`,
  options: { date: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new UsageError(`ingest takes no arguments (got "${positionals.join(' ')}"): give a day with --date YYYY-MM-DD`);
    const { from, to } = parseRange(values, utcDay(new Date()));

    const config = loadConfig(process.env);
    const store = await openConfiguredStore(config, createLog({ secrets: [config.databaseUrl], sink: (line) => io.err(line) }));
    try {
      const client = dailyPapersClient({
        baseUrl: config.ingest.apiUrl,
        onRetry: (e) => io.err(`paperwire ingest: ${e.date} page ${e.page + 1}: ${e.reason}; trying again in ${formatWait(e.waitMs)}`),
      });
      const total = daysBetween(from, to);
      io.progress?.(`ingesting 0/${total} days…`);
      const report = await ingestRange({
        from,
        to,
        source: client,
        repo: store.ingested,
        onProgress: ({ done, day }) => io.progress?.(`ingesting ${done}/${total} days · ${day.date}`),
      });
      if (values.json) io.out(JSON.stringify(toJson(report)));
      else io.out(toText(report));
      if (report.failed > 0) {
        const failed = report.days.filter((d) => d.status === 'failed').map((d) => d.date);
        io.err(
          `paperwire ingest: ${failed.length} of ${report.days.length} days failed and were not stored (${failed.join(', ')}); ` +
            `the others are kept. Run it again for them, e.g. paperwire ingest --date ${failed[0]}`,
        );
        return 1;
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** The range the options ask for; `today` is the UTC day the default range ends on. */
export function parseRange(values: Record<string, unknown>, today: string): { from: string; to: string } {
  const day = (name: string): string | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    const text = String(value).trim();
    if (!isIsoDay(text)) throw new UsageError(`--${name} must be a calendar day written YYYY-MM-DD, e.g. ${today} (got "${String(value)}")`);
    return text;
  };
  const date = day('date');
  const from = day('from');
  const to = day('to');
  if (date !== undefined) {
    if (from !== undefined || to !== undefined) throw new UsageError('use --date for one day, or --from and --to for a range, not both');
    return { from: date, to: date };
  }
  if (from === undefined) {
    if (to !== undefined) throw new UsageError(`--to needs --from: e.g. --from ${addDays(to, -6)} --to ${to}, or --date ${to} for one day`);
    return { from: addDays(today, -2), to: today };
  }
  const end = to ?? today;
  if (end < from) {
    throw new UsageError(
      to === undefined
        ? `--from ${from} is after today (${today}, UTC): give --to as well, or an earlier --from`
        : `--to ${to} is before --from ${from}: swap them, or use --date for one day`,
    );
  }
  if (daysBetween(from, end) > MAX_DAYS) throw new UsageError(`the range ${from} to ${end} is more than ${MAX_DAYS} days: split it into shorter runs`);
  return { from, to: end };
}

/** The --json shape: the days read, and every warning (a day not open yet or failed is one too). */
export function toJson(report: IngestReport) {
  const days = report.days.flatMap((d) => (d.status === 'stored' ? [{ date: d.date, papers: d.papers, new: d.new, updated: d.updated }] : []));
  const warnings: IngestWarning[] = [];
  for (const d of report.days) {
    warnings.push(...report.warnings.filter((w) => w.date === d.date).map((w) => ({ date: w.date, message: w.message })));
    if (d.status === 'not-open') warnings.push({ date: d.date, message: `not open yet: ${d.message}` });
    if (d.status === 'failed') warnings.push({ date: d.date, message: `failed: ${d.message}` });
  }
  return { days, warnings };
}

function toText(report: IngestReport): string {
  const lines = report.days.map((d) => {
    if (d.status === 'stored') return `${d.date}  ${d.papers} papers, ${d.new} new, ${d.updated} updated${d.papers === 0 ? ' (an empty list)' : ''}`;
    if (d.status === 'not-open') return `${d.date}  not open yet: ${d.message}`;
    return `${d.date}  failed: ${d.message}`;
  });
  for (const w of report.warnings) lines.push(`warning: ${w.date}: ${w.message}`);
  const stored = report.days.filter((d): d is Extract<DayResult, { status: 'stored' }> => d.status === 'stored');
  const sum = (key: 'papers' | 'new' | 'updated') => stored.reduce((n, d) => n + d[key], 0);
  const notOpen = report.days.filter((d) => d.status === 'not-open').length;
  lines.push(
    `${stored.length} of ${report.days.length} days read` +
      (notOpen ? `, ${notOpen} not open yet` : '') +
      (report.failed ? `, ${report.failed} failed` : '') +
      `: ${sum('papers')} papers, ${sum('new')} new, ${sum('updated')} updated`,
  );
  return lines.join('\n');
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
