/** Times as the page shows them: Tillit's (travelled) clock, in the organisation's zone. */

const localeOf = (lang) => (lang === 'en' ? 'en-GB' : 'sv-SE');

/** Tillit's clock in the top bar: a weekday, a date and a time in the configured zone. */
export function renderClock(state) {
  if (!state.now) return;
  const locale = localeOf(state.lang);
  const shown = new Intl.DateTimeFormat(locale, {
    timeZone: state.timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(state.now));
  const clock = document.getElementById('clock');
  clock.dateTime = state.now;
  clock.textContent = shown;
}

/** A message's time: day, month and hour:minute. */
export function formatTime(state, iso) {
  return new Intl.DateTimeFormat(localeOf(state.lang), {
    timeZone: state.timezone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
