import { may } from '../../dialogues/core/access.js';
import type { Actor } from '../../dialogues/core/actor.js';
import { DEFAULT_LANG } from '../../dialogues/core/defaults.js';
import { texts } from '../../dialogues/texts/catalogue.js';
import type { Block, Button, ButtonAudience, View } from '../../dialogues/view.js';
import type { Database } from '../../store/database.js';
import { listRolesOfPerson, type Person } from '../../store/queries/people.js';

/**
 * The local page draws every message for one viewer, so it can do what a shared Slack or
 * Teams message cannot: leave out the buttons the viewer may not use (Starta röstningen,
 * Avsluta röstningen, Slå ihop dubbletter for a member), instead of refusing after a click.
 * Each right is asked once per request.
 */
export function viewerButtons(db: Database, person: Person): (view: View) => Promise<View> {
  let actor: Promise<Actor> | null = null;
  const answers = new Map<string, Promise<boolean>>();
  const allowed = (only: ButtonAudience): Promise<boolean> => {
    const key = `${only.capability}:${only.unitId}`;
    actor ??= listRolesOfPerson(db, { personId: person.id }).then((roles) => {
      const lang = person.lang ?? DEFAULT_LANG;
      return { person, lang, t: texts(lang), roles };
    });
    if (!answers.has(key)) {
      answers.set(
        key,
        actor.then((a) => may(db, a, only.capability, only.unitId)),
      );
    }
    return answers.get(key)!;
  };
  const keep = async (buttons: Button[]) => {
    const flags = await Promise.all(buttons.map((b) => (b.only ? allowed(b.only) : true)));
    return buttons.filter((_, i) => flags[i]);
  };
  const block = async (b: Block): Promise<Block | null> => {
    if (b.type === 'buttons') {
      const buttons = await keep(b.buttons);
      return buttons.length ? { ...b, buttons } : null;
    }
    if (b.type === 'list') {
      const items = await Promise.all(
        b.items.map(async (item) =>
          item.buttons ? { ...item, buttons: await keep(item.buttons) } : item,
        ),
      );
      return { ...b, items };
    }
    return b;
  };
  return async (view) => {
    if (!JSON.stringify(view.blocks).includes('"only"')) return view;
    const blocks = await Promise.all(view.blocks.map(block));
    return { ...view, blocks: blocks.filter((b): b is Block => b !== null) };
  };
}
