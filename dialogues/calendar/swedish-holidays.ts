/**
 * Swedish public holidays, computed (Easter, Midsummer and All Saints' Day move), plus the
 * eves that workplaces treat as days off (julafton, nyårsafton, midsommarafton). Dates are
 * calendar dates in Sweden, written `YYYY-MM-DD`.
 */
export interface Holiday {
  date: string;
  name: { sv: string; en: string };
}

export function swedishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => addDays(easter, days);
  const list: [string, string, string][] = [
    [iso(year, 1, 1), 'Nyårsdagen', "New Year's Day"],
    [iso(year, 1, 6), 'Trettondedag jul', 'Epiphany'],
    [fromEaster(-2), 'Långfredagen', 'Good Friday'],
    [fromEaster(0), 'Påskdagen', 'Easter Sunday'],
    [fromEaster(1), 'Annandag påsk', 'Easter Monday'],
    [iso(year, 5, 1), 'Första maj', 'May Day'],
    [fromEaster(39), 'Kristi himmelsfärdsdag', 'Ascension Day'],
    [fromEaster(49), 'Pingstdagen', 'Whit Sunday'],
    [iso(year, 6, 6), 'Sveriges nationaldag', 'National Day of Sweden'],
    [weekdayBetween(year, 6, 19, 5), 'Midsommarafton', 'Midsummer Eve'],
    [weekdayBetween(year, 6, 20, 6), 'Midsommardagen', 'Midsummer Day'],
    [weekdayBetween(year, 10, 31, 6), 'Alla helgons dag', "All Saints' Day"],
    [iso(year, 12, 24), 'Julafton', 'Christmas Eve'],
    [iso(year, 12, 25), 'Juldagen', 'Christmas Day'],
    [iso(year, 12, 26), 'Annandag jul', 'Boxing Day'],
    [iso(year, 12, 31), 'Nyårsafton', "New Year's Eve"],
  ];
  return list.map(([date, sv, en]) => ({ date, name: { sv, en } }));
}

const cache = new Map<number, Set<string>>();

/** True on public holidays and the eves above, whatever the weekday. */
export function isHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) {
    days = new Set(swedishHolidays(year).map((h) => h.date));
    cache.set(year, days);
  }
  return days.has(date);
}

/** True on Saturdays, Sundays, public holidays and the eves above. */
export function isDayOff(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 || isHoliday(date);
}

/** The date itself if it is a working day, else the next one. */
export function nextWorkingDay(date: string): string {
  let day = date;
  while (isDayOff(day)) day = addDays(day, 1);
  return day;
}

/** The date itself unless it is a holiday or eve; then the working day before it. */
export function workingDayBeforeHoliday(date: string): string {
  if (!isHoliday(date)) return date;
  let day = addDays(date, -1);
  while (isDayOff(day)) day = addDays(day, -1);
  return day;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first date from month/day on that falls on the weekday (0 = Sunday … 6 = Saturday). */
function weekdayBetween(year: number, month: number, fromDay: number, weekday: number): string {
  let date = iso(year, month, fromDay);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== weekday) date = addDays(date, 1);
  return date;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
