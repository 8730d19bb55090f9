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

// The same contact times are dated again and again (once per enrolment, per screen).
const datesOfMoments = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

/** The Prague calendar date of a moment. */
export const pragueDate = (at: Date | string): string => {
  if (typeof at === 'string') {
    const known = datesOfMoments.get(at);
    if (known) return known;
  }
  const p = parts(new Date(at));
  const date = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
  if (typeof at === 'string') {
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

const toUtcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtcMidnight = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole calendar days from one date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);

export const addDays = (date: string, days: number): string =>
  fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);

/** Adds calendar months; the 31st of a shorter month becomes its last day. */
export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtcMidnight(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
};

/** Monday of the ISO week a date falls in. */
export const weekStart = (date: string): string => {
  const dow = new Date(toUtcMidnight(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
};
