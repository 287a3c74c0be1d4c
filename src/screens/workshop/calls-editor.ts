/** "Change the calls" on a room's page: the room's calls ticked among the server's, saved at once. */
import { ENDPOINTS, type RoomInfo } from '../../api/api.js';
import { send } from './api-client.js';
import { el } from '../kit/dom.js';
import { fillPicks, picked, withLibrary } from './call-picks.js';
import type { WorkshopContext } from './context.js';
import { refusalWords } from './host-refusal.js';
import { t } from '../i18n/index.js';

export function callsEditor(
  context: WorkshopContext,
  code: string,
  secret: string,
  room: {
    /** The room as last seen, for which calls start ticked. */
    current: () => RoomInfo | null;
    /** The room as the server has it after the change. */
    saved: (room: RoomInfo) => void;
    /** Says what went wrong, or that it worked. */
    tell: (message: string) => void;
  },
): HTMLDetailsElement {
  const picks = el('fieldset', { className: 'picks' });
  const save = el('button', { className: 'secondary', type: 'button' }, t('host.calls.save'));
  const editor = el(
    'details',
    { className: 'edit-calls' },
    el('summary', {}, t('host.calls.change')),
    picks,
    save,
  );
  editor.addEventListener('toggle', () => {
    if (!editor.open) return;
    withLibrary(
      context,
      (library) => {
        fillPicks(
          context,
          picks,
          library,
          (id) => room.current()?.scenarios.some((s) => s.id === id) ?? false,
        );
      },
      room.tell,
    );
  });
  save.addEventListener('click', () => {
    const scenarios = picked(picks);
    if (scenarios.length === 0) {
      room.tell(t('host.calls.none'));
      return;
    }
    void send(context.api, ENDPOINTS.updateRoom, {
      params: { code },
      body: { scenarios },
      token: secret,
    }).then((reply) => {
      if (reply.ok) {
        room.saved(reply.data);
        editor.open = false;
        room.tell(t('host.calls.saved'));
      } else room.tell(refusalWords(reply, code));
    });
  });
  return editor;
}
