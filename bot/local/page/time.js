/**
 * Times as the page shows them: Tillit's (travelled) clock, in the organisation's zone, in the
 * style of every date Tillit writes (dialogues/calendar/dates.ts): "4 dec 2026 kl. 14.30",
 * "4 Dec 2026, 14:30". The page cannot import the server's module, so the words are here too.
 */

const WORDS = {
  sv: {
    months: ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'],
    weekdays: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'],
    at: (date, hour, minute) => `${date} kl. ${hour}.${minute}`,
  },
  en: {
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    at: (date, hour, minute) => `${date}, ${hour}:${minute}`,
  },
};

/** The instant's calendar parts in the zone, read with Intl (numbers only, no wording). */
function partsIn(timeZone, iso) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type) => parts.find((p) => p.type === type)?.value ?? '';
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: get('year'),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: weekdays.indexOf(get('weekday')),
    hour: get('hour').padStart(2, '0'),
    minute: get('minute').padStart(2, '0'),
  };
}

function dateTime(state, iso) {
  const words = WORDS[state.lang === 'en' ? 'en' : 'sv'];
  const p = partsIn(state.timezone, iso);
  return {
    words,
    p,
    text: words.at(`${p.day} ${words.months[p.month - 1]} ${p.year}`, p.hour, p.minute),
  };
}

/** Tillit's clock in the top bar: "fre 4 dec 2026 kl. 14.30" in the configured zone. */
export function renderClock(state) {
  if (!state.now) return;
  const { words, p, text } = dateTime(state, state.now);
  const clock = document.getElementById('clock');
  clock.dateTime = state.now;
  clock.textContent = `${words.weekdays[p.weekday]} ${text}`;
}

/** A message's time: "4 dec 2026 kl. 14.30". */
export function formatTime(state, iso) {
  return dateTime(state, iso).text;
}
