/**
 * Calendar arithmetic in Europe/Prague, where the work happens. Calendar dates are strings
 * "YYYY-MM-DD"; moments are ISO strings with an offset. Only Intl is used, so this runs the
 * same on devices and on the server, and daylight-saving changes never shift a date.
 */
export const TIME_ZONE = 'Europe/Prague';
const DAY_MS = 86_400_000;

// Made once: constructing a formatter costs ~40 µs, most of the rules engine's time.
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
 * arithmetic because the rules engine dates every contact on every screen; other
 * years go through Intl.
 */
const FIRST_RULE_YEAR = 1997;
const LAST_RULE_YEAR = 2099;
const summerTime: (readonly [number, number])[] = [];
const lastSundayAt1Utc = (year: number, month: number): number => {
  const last = Date.UTC(year, month + 1, 0);
  const dow = new Date(last).getUTCDay();
  return last - dow * DAY_MS + 3_600_000;
};
const offsetIn = (year: number, ms: number): number | null => {
  if (year < FIRST_RULE_YEAR || year > LAST_RULE_YEAR) return null;
  let range = summerTime[year - FIRST_RULE_YEAR];
  if (!range) {
    range = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)] as const;
    summerTime[year - FIRST_RULE_YEAR] = range;
  }
  return ms >= range[0] && ms < range[1] ? 2 * 3_600_000 : 3_600_000;
};

/** Day number (see below) of the Prague date at a moment given in milliseconds. */
const dayAt = (ms: number): number => {
  const offset = offsetIn(new Date(ms).getUTCFullYear(), ms);
  if (offset !== null) return Math.floor((ms + offset) / DAY_MS);
  const p = parts(new Date(ms));
  return dayNumber(`${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`);
};

/**
 * The day number of the Prague date of a moment: what the rules engine compares, for every
 * contact on every screen. A moment as the app writes it ("…T09:30:00.000Z") is
 * read digit by digit, without a Date or a string made; any other form goes through
 * Date.parse.
 */
export const pragueDay = (at: string): number => {
  const n = at.length;
  if ((n === 24 || n === 20) && at.charCodeAt(n - 1) === 90 && at.charCodeAt(10) === 84) {
    const ms =
      dayNumber(at) * DAY_MS +
      twoDigits(at, 11) * 3_600_000 +
      twoDigits(at, 14) * 60_000 +
      twoDigits(at, 17) * 1000 +
      (n === 24 ? twoDigits(at, 20) * 10 + at.charCodeAt(22) - 48 : 0);
    const offset = offsetIn(twoDigits(at, 0) * 100 + twoDigits(at, 2), ms);
    if (offset !== null) return Math.floor((ms + offset) / DAY_MS);
    return dayAt(ms);
  }
  return dayAt(Date.parse(at));
};

/** The Prague calendar date of a moment. */
export const pragueDate = (at: Date | string): string =>
  fromDayNumber(typeof at === 'string' ? pragueDay(at) : dayAt(at.getTime()));

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
 * Date objects: the rules engine does this thousands of times per screen.
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

/** A calendar date as a day number (days since 1970-01-01), for comparing with pragueDay. */
export const dayOf = (date: string): number => dayNumber(date);

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
