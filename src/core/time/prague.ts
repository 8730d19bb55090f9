/**
 * Calendar arithmetic in Europe/Prague, where the work happens. Calendar dates are strings
 * "YYYY-MM-DD"; moments are ISO strings with an offset. Only Intl is used, so this runs the
 * same on devices and on the server, and daylight-saving changes never shift a date.
 */
export const TIME_ZONE = 'Europe/Prague';
const DAY_MS = 86_400_000;

// Made once: constructing a formatter costs ~40 µs, most of the rules engine's time (issue 8).
let formatter: Intl.DateTimeFormat | undefined;

const parts = (at: Date) => {
  formatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const f = formatter.formatToParts(at);
  const get = (type: string) => Number(f.find((p) => p.type === type)?.value);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Prague has kept the EU summer-time rule since 1996: UTC+2 from 01:00 UTC on the last Sunday
 * of March to 01:00 UTC on the last Sunday of October, UTC+1 otherwise. Computed by
 * arithmetic because the rules engine dates every contact on every screen (issue 8); other
 * years go through Intl.
 */
const summerTime = new Map<number, readonly [number, number]>();
const lastSundayAt1Utc = (year: number, month: number): number => {
  const last = Date.UTC(year, month + 1, 0);
  const dow = new Date(last).getUTCDay();
  return last - dow * DAY_MS + 3_600_000;
};
const offsetMs = (ms: number): number | null => {
  const year = new Date(ms).getUTCFullYear();
  if (year < 1997 || year > 2099) return null;
  let range = summerTime.get(year);
  if (!range) {
    range = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)] as const;
    summerTime.set(year, range);
  }
  return ms >= range[0] && ms < range[1] ? 2 * 3_600_000 : 3_600_000;
};

const dateOf = (ms: number): string => {
  const offset = offsetMs(ms);
  if (offset !== null) return fromDayNumber(Math.floor((ms + offset) / DAY_MS));
  const p = parts(new Date(ms));
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
};

// The same contact times are dated on every screen refresh: remembered, within a bound.
const datesOfMoments = new Map<string, string>();
const MAX_REMEMBERED = 100_000;

/** The Prague calendar date of a moment. */
export const pragueDate = (at: Date | string): string => {
  if (typeof at !== 'string') return dateOf(at.getTime());
  let date = datesOfMoments.get(at);
  if (date === undefined) {
    date = dateOf(Date.parse(at));
    if (datesOfMoments.size >= MAX_REMEMBERED) datesOfMoments.clear();
    datesOfMoments.set(at, date);
  }
  return date;
};

/** The Prague wall-clock time "HH:MM" of a moment. */
export const pragueTime = (at: Date | string): string => {
  const p = parts(new Date(at));
  return `${pad(p.h)}:${pad(p.mi)}`;
};

/** Offset of Prague from UTC at a moment, in minutes (60 in winter, 120 in summer). */
const offsetMinutes = (at: Date): number => {
  const p = parts(at);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
};

/**
 * The moment a Prague wall-clock date and time name. In the autumn hour that happens twice
 * the earlier one is taken; a time skipped in spring moves forward by the gap.
 */
export const pragueToIso = (date: string, time: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let guess = wall - offsetMinutes(new Date(wall)) * 60_000;
  guess = wall - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess).toISOString();
};

/*
 * Calendar dates as day numbers (days since 1970-01-01), by integer arithmetic instead of
 * Date objects: the rules engine does this thousands of times per screen (issue 8).
 * The algorithm is the proleptic Gregorian "days from civil" with 400-year eras.
 */
/** Two digits of a date string as a number, without making substrings. */
const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

const dayNumber = (date: string): number => {
  const y0 = twoDigits(date, 0) * 100 + twoDigits(date, 2);
  const m = twoDigits(date, 5);
  const d = twoDigits(date, 8);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
};

const fromDayNumber = (n: number): string => {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
};

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

export const addDays = (date: string, days: number): string =>
  fromDayNumber(dayNumber(date) + days);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysInMonth = (y: number, m: number): number =>
  m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : (MONTH_DAYS[m - 1] ?? 31);

/** Adds calendar months; the 31st of a shorter month becomes its last day. */
export const addMonths = (date: string, months: number): string => {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
};

/** Monday of the ISO week a date falls in. */
export const weekStart = (date: string): string => {
  const dow = (((dayNumber(date) + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
  return addDays(date, -((dow + 6) % 7));
};
