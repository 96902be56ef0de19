/**
 * The left pane: who the page acts as (people grouped by their unit) and the channels, the
 * person's own first, then the rest as the organisation tree.
 */

const $ = (id) => document.getElementById(id);

export function renderPeople(state) {
  const select = $('person-select');
  const groups = new Map();
  for (const person of state.people) {
    const unit = person.roles[0]?.unitName ?? state.texts.otherPeople;
    if (!groups.has(unit)) groups.set(unit, []);
    groups.get(unit).push(person);
  }
  const options = [new Option(state.texts.choosePerson, '')];
  const optgroups = [...groups].map(([unit, people]) => {
    const group = document.createElement('optgroup');
    group.label = unit;
    for (const person of people) {
      group.append(new Option(personLabel(state, person), person.key));
    }
    return group;
  });
  select.replaceChildren(...options, ...optgroups);
  select.value = state.person ?? '';
}

function personLabel(state, person) {
  const words = person.roles.map((r) => state.roles[r.role] ?? r.role);
  if (person.admin) words.push(state.texts.admin);
  return words.length ? `${person.name} (${words.join(', ')})` : person.name;
}

/** Under the picker: what the chosen person is, where (the option text is cut short). */
export function renderPersonRoles(state, person) {
  const lines = (person?.roles ?? []).map(
    (r) => `${state.roles[r.role] ?? r.role} · ${r.unitName}`,
  );
  if (person?.admin) lines.push(state.texts.admin);
  $('person-roles').textContent = lines.join('\n');
}

export function renderChannels(state, myChannels, home) {
  // The lists are rebuilt: a keyboard user keeps focus on the channel they were on.
  const focused = document.activeElement?.dataset?.channel;
  const mine = new Set(myChannels.map((c) => c.id));
  const item = (channel, indent) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'channel';
    button.dataset.channel = channel.id;
    button.style.setProperty('--depth', String(indent ? channel.depth : 0));
    button.textContent = channel.name;
    if (channel.id === state.channel) button.setAttribute('aria-current', 'page');
    li.append(button);
    return li;
  };
  $('my-channels').replaceChildren(
    ...state.channels.filter((c) => mine.has(c.id)).map((c) => item(c, false)),
  );
  $('other-channels').replaceChildren(
    ...state.channels.filter((c) => !mine.has(c.id)).map((c) => item(c, true)),
  );
  $('my-channels-heading').hidden = mine.size === 0;
  if (focused) document.querySelector(`[data-channel="${CSS.escape(focused)}"]`)?.focus();
  const homeButton = $('home-button');
  homeButton.hidden = !state.person;
  if (state.channel === home) homeButton.setAttribute('aria-current', 'page');
  else homeButton.removeAttribute('aria-current');
}
