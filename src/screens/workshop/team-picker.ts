/**
 * The join form's team picker: the room's teams as radio buttons, fetched once the code is a room
 * code (from the QR link at once, or as it is typed). Empty, and out of the way, in a room without
 * teams. Team names are the facilitator's, cleaned by the server, and only ever shown as text.
 */
import { ENDPOINTS, isRoomCode, normaliseRoomCode, type TeamInfo } from '../../api/api.js';
import { el } from '../kit/dom.js';
import { t } from '../i18n/index.js';
import { send } from './api-client.js';
import type { WorkshopContext } from './context.js';

export interface TeamPicker {
  element: HTMLFieldSetElement;
  /** Asks the room named by `typed` for its teams (again, if asked before). */
  load(typed: string): void;
  /** The teams on offer now (none: the room plays without teams, or is not known yet). */
  teams(): readonly TeamInfo[];
  /** The team picked, if any. */
  picked(): string | undefined;
  focus(): void;
}

export function teamPicker(context: WorkshopContext): TeamPicker {
  const element = el('fieldset', { className: 'team-picker' });
  element.hidden = true;
  let teams: readonly TeamInfo[] = [];
  let asked = '';
  const draw = (list: readonly TeamInfo[]) => {
    const before = picker.picked();
    teams = list;
    element.hidden = list.length === 0;
    element.replaceChildren(
      el('legend', {}, t('player.join.team')),
      ...list.map((team) => {
        const input = el('input', { type: 'radio', name: 'team', value: team.id, id: `team-${team.id}` });
        input.checked = team.id === before;
        return el('label', { className: 'pick', htmlFor: input.id }, input, el('span', {}, team.name));
      }),
    );
  };
  const picker: TeamPicker = {
    element,
    load(typed) {
      const code = normaliseRoomCode(typed);
      if (!isRoomCode(code)) {
        asked = '';
        draw([]);
        return;
      }
      asked = code;
      void send(context.api, ENDPOINTS.teams, { params: { code } }).then((reply) => {
        // Only the answer for the code in the box now.
        if (asked === code) draw(reply.ok ? reply.data.teams : []);
      });
    },
    teams: () => teams,
    picked: () => element.querySelector<HTMLInputElement>('input[name="team"]:checked')?.value,
    focus() {
      element.querySelector<HTMLInputElement>('input[name="team"]')?.focus();
    },
  };
  return picker;
}
