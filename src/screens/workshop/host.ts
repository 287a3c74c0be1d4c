/**
 * The facilitator's side (`#/host`, `#/host/CODE`): create a room and pick its calls, open and close
 * it, watch who joined (and remove anyone who should not be there), open the projector and download
 * the results. The room's secret stays on this device; without it nobody can run the room.
 */
import { workshopStore } from '../../device/workshop-store.js';
import type { RoomInfo } from '../../api/api.js';
import { ROOM_NAME_MAX } from '../../api/nickname.js';
import { joinAddress, reachableAddress } from './join-address.js';
import { el } from '../kit/dom.js';
import type { WorkshopContext } from './attendee.js';
import { watchBoard } from './live.js';
import { HOST_HREF } from './routes.js';

function header(title: string, back: string, backLabel: string): HTMLElement {
  return el(
    'header',
    {},
    el('a', { className: 'back', href: back }, backLabel),
    el('p', { className: 'brand' }, 'Keep Cool · Facilitator'),
    el('h1', {}, title),
  );
}

type Library = { id: string; title: string; version: number }[];

/** The call a new room starts with. */
const FLAGSHIP = 'insurance-meal-receipt';

/**
 * Ticks for the calls a room can have; `selected` decides which start ticked. Filled again when the
 * server's list arrives, ticks the facilitator already set are kept.
 */
function fillPicks(picks: HTMLFieldSetElement, library: Library, selected: (id: string) => boolean): void {
  const before = new Map(
    [...picks.querySelectorAll<HTMLInputElement>('input')].map((i) => [i.value, i.checked]),
  );
  picks.replaceChildren(
    el('legend', {}, 'Calls to play'),
    ...library.map((s) =>
      el(
        'label',
        { className: 'pick' },
        el('input', { type: 'checkbox', value: s.id, checked: before.get(s.id) ?? selected(s.id) }),
        ` ${s.title}`,
      ),
    ),
  );
}

const picked = (picks: HTMLFieldSetElement): string[] =>
  [...picks.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);

/** The scenarios the server can score: its own list decides; the page's stands in until it answers. */
function withLibrary(
  context: WorkshopContext,
  use: (library: Library) => void,
  onError: (message: string) => void,
): void {
  use(context.scenarios.map((s) => ({ id: s.id, title: s.title, version: s.version })));
  void context.api.call<{ scenarios: Library }>('GET', '/scenarios').then((reply) => {
    if (reply.ok) use(reply.data.scenarios);
    else onError(reply.message);
  });
}

/** The facilitator's player list is fetched at most this often while the room is busy. */
const PLAYER_LIST_EVERY_MS = 3000;

/** Keeps a room's secret on this device, so this device can run the room. */
function keepHosted(context: WorkshopContext, room: { code: string; name: string }, secret: string): void {
  const store = workshopStore(context.storage);
  const state = store.load().value;
  store.save({
    ...state,
    hosted: [
      ...state.hosted.filter((h) => h.code !== room.code),
      { code: room.code, name: room.name, secret },
    ].slice(-50),
  });
}

/** Creating a room, and the rooms this device runs. */
export function showHost(root: HTMLElement, context: WorkshopContext): void {
  const store = workshopStore(context.storage);
  const hosted = store.load().value.hosted;
  const error = el('p', { className: 'form-error' });
  error.setAttribute('role', 'alert');
  const name = el('input', {
    id: 'room-name',
    value: 'Keep Cool workshop',
    maxLength: ROOM_NAME_MAX,
    required: true,
  });
  const picks = el('fieldset', { className: 'picks' }, el('legend', {}, 'Calls to play'));
  const create = el('button', { className: 'primary', type: 'submit' }, 'Create the room');
  const form = el(
    'form',
    { className: 'card' },
    el('h2', {}, 'New room'),
    el('label', { htmlFor: 'room-name' }, 'Name (shown on the projector)'),
    name,
    picks,
    error,
    create,
  );
  form.noValidate = true;
  withLibrary(
    context,
    (library) => {
      // The flagship is ticked to start with (or the first call, if this server lacks it).
      const start = library.some((s) => s.id === FLAGSHIP) ? FLAGSHIP : library[0]?.id;
      fillPicks(picks, library, (id) => id === start);
    },
    (message) => {
      error.textContent = message;
    },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const scenarios = picked(picks);
    if (scenarios.length === 0) {
      error.textContent = 'Pick at least one call for the room.';
      return;
    }
    if (!name.value.trim()) {
      error.textContent = 'Give the room a name.';
      name.focus();
      return;
    }
    create.disabled = true;
    void context.api
      .call<{ secret: string; room: RoomInfo }>('POST', '/rooms', { name: name.value.trim(), scenarios })
      .then((reply) => {
        create.disabled = false;
        if (!reply.ok) {
          error.textContent = reply.message;
          return;
        }
        keepHosted(context, reply.data.room, reply.data.secret);
        window.location.hash = `#/host/${reply.data.room.code}`;
      });
  });
  root.replaceChildren(
    header('Run a workshop', '#/', '← All scenarios'),
    el(
      'p',
      { className: 'summary' },
      'Create a room, put its code on the projector, and attendees join from their phones. Scores are computed by the server from what each attendee did, so nobody can fake one.',
    ),
    hosted.length
      ? el(
          'section',
          { className: 'card' },
          el('h2', {}, 'Your rooms'),
          el(
            'ul',
            {},
            ...[...hosted]
              .reverse()
              .map((h) => el('li', {}, el('a', { href: `#/host/${h.code}` }, `${h.name} · ${h.code}`))),
          ),
        )
      : '',
    form,
  );
  name.focus();
}

/** The facilitator link, for running the room from another device (a co-facilitator, a new laptop). */
function handover(context: WorkshopContext, code: string, secret: string): HTMLElement {
  const field = el('input', { readOnly: true, id: 'facilitator-link' });
  let link = '';
  // The address the other device can reach, as for the attendees' join link.
  reachableAddress(context.api, `#/host/${code}/key/${secret}`, (at) => {
    link = at;
    field.value = at;
  });
  const copy = el('button', { className: 'secondary small', type: 'button' }, 'Copy the link');
  const copied = el('span', { className: 'muted' });
  copied.setAttribute('role', 'status');
  copy.addEventListener('click', () => {
    field.select();
    void navigator.clipboard.writeText(link).then(
      () => {
        copied.textContent = ' Copied.';
      },
      () => {
        copied.textContent = ' Select the link and copy it.';
      },
    );
  });
  return el(
    'details',
    { className: 'card handover' },
    el('summary', {}, 'Run this room from another device'),
    el(
      'p',
      {},
      'Open this link on the other device. Anyone who has it can open, close and export the room, and remove players: share it only with a co-facilitator.',
    ),
    el('label', { htmlFor: 'facilitator-link' }, 'Facilitator link'),
    field,
    el('div', { className: 'actions' }, copy, copied),
  );
}

/**
 * Opened from a facilitator's link on another device: the secret is checked with the server, kept
 * on this device like a room it created, and taken out of the address bar before anything else.
 */
export function takeOverRoom(
  root: HTMLElement,
  context: WorkshopContext,
  code: string,
  secret: string,
): void {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/host/${code}`);
  root.replaceChildren(header(`Room ${code}`, HOST_HREF, '← Your rooms'), el('p', {}, 'Checking the link…'));
  void (async () => {
    const [room, check] = await Promise.all([
      context.api.call<RoomInfo>('GET', `/rooms/${code}`),
      context.api.call('GET', `/rooms/${code}/players`, undefined, secret),
    ]);
    if (!room.ok || !check.ok) {
      const why = !room.ok ? room.message : !check.ok ? check.message : '';
      root.replaceChildren(
        header(`Room ${code}`, HOST_HREF, '← Your rooms'),
        el('p', { className: 'notice' }, `This facilitator link does not work: ${why}`),
      );
      return;
    }
    keepHosted(context, room.data, secret);
    showHostRoom(root, context, code);
  })();
}

/** One room's controls. */
export function showHostRoom(root: HTMLElement, context: WorkshopContext, code: string): void {
  const store = workshopStore(context.storage);
  const mine = store.load().value.hosted.find((h) => h.code === code);
  if (!mine) {
    root.replaceChildren(
      header(`Room ${code}`, HOST_HREF, '← Your rooms'),
      el(
        'p',
        { className: 'notice' },
        'This device did not create that room, so it cannot run it. Open it on the device that did, or open the facilitator link from that device’s room page here.',
      ),
    );
    return;
  }
  const status = el('div', { className: 'notice' });
  status.setAttribute('role', 'status');
  const state = el('p', { className: 'room-state' });
  const openButton = el('button', { className: 'primary', type: 'button' }, 'Open the room');
  const closeButton = el('button', { className: 'secondary', type: 'button' }, 'Close the room');
  const exportButton = el('button', { className: 'secondary', type: 'button' }, 'Download results (CSV)');
  const players = el('ul', { className: 'players' });
  const playerCount = el('h2', {}, 'Players');
  const calls = el('ul', {});
  let current: RoomInfo | null = null;
  const editPicks = el('fieldset', { className: 'picks' });
  const saveCalls = el('button', { className: 'secondary', type: 'button' }, 'Save the calls');
  const editCalls = el(
    'details',
    { className: 'edit-calls' },
    el('summary', {}, 'Change the calls'),
    editPicks,
    saveCalls,
  );
  editCalls.addEventListener('toggle', () => {
    if (!editCalls.open) return;
    withLibrary(
      context,
      (library) => {
        fillPicks(editPicks, library, (id) => current?.scenarios.some((s) => s.id === id) ?? false);
      },
      (message) => {
        status.replaceChildren(el('p', {}, message));
      },
    );
  });
  saveCalls.addEventListener('click', () => {
    const scenarios = picked(editPicks);
    if (scenarios.length === 0) {
      status.replaceChildren(el('p', {}, 'Pick at least one call for the room.'));
      return;
    }
    void context.api.call<RoomInfo>('PATCH', `/rooms/${code}`, { scenarios }, mine.secret).then((reply) => {
      if (reply.ok) {
        render(reply.data);
        editCalls.open = false;
        status.replaceChildren(el('p', {}, 'The calls were changed; the boards follow.'));
      } else status.replaceChildren(el('p', {}, reply.message));
    });
  });

  const render = (room: RoomInfo) => {
    current = room;
    state.textContent =
      room.status === 'draft'
        ? 'Not open yet: attendees can join and look around, but no call counts until you open it.'
        : room.status === 'open'
          ? 'Open: calls count.'
          : 'Closed: no one new can join and no new call starts. Calls already under way still count.';
    openButton.hidden = room.status === 'open';
    openButton.textContent = room.status === 'closed' ? 'Open it again' : 'Open the room';
    closeButton.hidden = room.status !== 'open';
    calls.replaceChildren(...room.scenarios.map((s) => el('li', {}, s.title)));
  };
  const loadPlayers = async () => {
    const reply = await context.api.call<{ players: { id: string; nickname: string; results: number }[] }>(
      'GET',
      `/rooms/${code}/players`,
      undefined,
      mine.secret,
    );
    if (!reply.ok) {
      status.replaceChildren(el('p', {}, reply.message));
      return;
    }
    playerCount.textContent = `Players (${reply.data.players.length})`;
    players.replaceChildren(
      ...reply.data.players.map((p) => {
        const remove = el('button', { className: 'secondary small', type: 'button' }, 'Remove');
        remove.setAttribute('aria-label', `Remove ${p.nickname}`);
        remove.addEventListener('click', () => {
          if (
            !window.confirm(
              `Remove “${p.nickname}” from the room? Their results leave the boards, and the name cannot be used here again.`,
            )
          )
            return;
          void context.api
            .call('DELETE', `/rooms/${code}/players/${p.id}`, undefined, mine.secret)
            .then((r) => {
              status.replaceChildren(el('p', {}, r.ok ? `${p.nickname} was removed.` : r.message));
              void loadPlayers();
            });
        });
        return el(
          'li',
          {},
          el('span', { className: 'name' }, p.nickname),
          ` · ${p.results} call${p.results === 1 ? '' : 's'} `,
          remove,
        );
      }),
    );
    if (reply.data.players.length === 0)
      players.append(el('li', { className: 'muted' }, 'No one has joined yet.'));
  };
  const setStatus = (next: 'open' | 'closed') => {
    void context.api
      .call<RoomInfo>('PATCH', `/rooms/${code}`, { status: next }, mine.secret)
      .then((reply) => {
        if (reply.ok) {
          render(reply.data);
          status.replaceChildren(el('p', {}, next === 'open' ? 'The room is open.' : 'The room is closed.'));
        } else status.replaceChildren(el('p', {}, reply.message));
      });
  };
  openButton.addEventListener('click', () => {
    setStatus('open');
  });
  closeButton.addEventListener('click', () => {
    setStatus('closed');
  });
  exportButton.addEventListener('click', () => {
    void context.api
      .call<string>('GET', `/rooms/${code}/export.csv`, undefined, mine.secret)
      .then((reply) => {
        if (!reply.ok) {
          status.replaceChildren(el('p', {}, reply.message));
          return;
        }
        const link = el('a', {
          href: URL.createObjectURL(new Blob([reply.data], { type: 'text/csv' })),
          download: `keep-cool-${code}.csv`,
        });
        link.click();
        URL.revokeObjectURL(link.href);
      });
  });

  const address = el('code', {});
  joinAddress(context.api, code, (at) => {
    address.textContent = at;
  });
  root.replaceChildren(
    header(`${mine.name} · ${code}`, HOST_HREF, '← Your rooms'),
    status,
    el(
      'section',
      { className: 'card' },
      state,
      el('div', { className: 'actions' }, openButton, closeButton),
      el(
        'p',
        {},
        el('a', { href: `#/screen/${code}`, target: '_blank', rel: 'noopener' }, 'Open the projector screen'),
        ' (in a new tab, for the big screen). Attendees join at ',
        address,
        '.',
      ),
      el('h2', {}, 'Calls in this room'),
      calls,
      editCalls,
    ),
    el('section', { className: 'card' }, playerCount, players),
    handover(context, code, mine.secret),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, 'Results'),
      el('p', {}, 'Every finished call: nickname, call, score, each SOARING letter, ending and time.'),
      exportButton,
    ),
  );
  void context.api.call<RoomInfo>('GET', `/rooms/${code}`).then((reply) => {
    if (reply.ok) render(reply.data);
    else status.replaceChildren(el('p', {}, reply.message));
  });
  // The list follows the room (someone joining, a call finished), but is fetched at most every few
  // seconds: a busy room changes the board ten times a second, and the facilitator's own requests
  // must never run into the rate limit because of it.
  let loadedAt = 0;
  let seen = '';
  let pending: ReturnType<typeof setTimeout> | null = null;
  const refreshPlayers = () => {
    if (pending) return;
    pending = setTimeout(
      () => {
        pending = null;
        loadedAt = Date.now();
        void loadPlayers();
      },
      Math.max(0, loadedAt + PLAYER_LIST_EVERY_MS - Date.now()),
    );
  };
  loadedAt = Date.now();
  void loadPlayers();
  const stop = watchBoard(
    code,
    (board) => {
      render(board.room);
      const now = `${board.players}/${board.results}`;
      if (now !== seen && seen !== '') refreshPlayers();
      seen = now;
    },
    () => undefined,
  );
  root.addEventListener(
    'keep-cool:leave',
    () => {
      stop();
      if (pending) clearTimeout(pending);
    },
    { once: true },
  );
}
