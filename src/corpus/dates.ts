const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Oct 23`, `Aug 2, 2024`, `Oct 23 1` (1 upvote), `Nov 24, 2024 12`; full month names too. */
const DATE_LINE = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:, ?(\d{4}))?(?: (-?\d+))?$/;

export interface DateLine {
  month: number;
  day: number;
  year?: number;
  /** The number after the date, as written (range-checked by the parser). */
  trailingNumber?: number;
}

export function parseDateLine(line: string): DateLine | undefined {
  const match = DATE_LINE.exec(line);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const month = MONTHS.findIndex((m) => name.startsWith(m) && isMonthName(name, m));
  if (month < 0) return undefined;
  return {
    month: month + 1,
    day: Number(match[2]),
    year: match[3] === undefined ? undefined : Number(match[3]),
    trailingNumber: match[4] === undefined ? undefined : Number(match[4]),
  };
}

const FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
function isMonthName(name: string, abbrev: string): boolean {
  if (name === abbrev || (abbrev === 'sep' && name === 'sept')) return true;
  return FULL.some((full) => full.startsWith(abbrev) && full === name);
}

/** `YYYY-MM-DD` when the day exists in that month and year, else undefined (Feb 30 is not a date). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A date in a file's name, such as `2025-10-27.txt` or `papers_2025-10-27.txt`. */
export function dateInFileName(file: string): string | undefined {
  const match = /(\d{4})-(\d{2})-(\d{2})/.exec(file);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

export function isoToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}
