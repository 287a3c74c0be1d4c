/**
 * The page's screens and their addresses: the menu at `#/` (scenarios, a call in progress, history,
 * settings) and each scenario at `#/play/<id>`, so a facilitator can share a link to one.
 */
import { SCORING_VERSION, formatDiagnostic, own, type Diagnostic, type Scenario } from '../engine/index.js';
import { bestScore, progressStore } from '../device/progress.js';
import { settingsStore } from '../device/settings.js';
import type { KeyValueStorage } from '../device/store.js';
import { endingWords } from './kit/words.js';
import { el } from './kit/dom.js';
import { leaveScreen } from './kit/screen.js';
import { notices } from './kit/status.js';
import { settingsPanel } from './settings-panel.js';
import type { AudioService } from '../sound/service.js';
import { AUTHOR_HREF, showAuthor } from './author/author.js';
import { SHIFT_HREF, showShift } from './shift.js';
import { shiftStore } from '../device/shift-store.js';
import { mountTextCall, type ViewListener } from './call/text-call.js';
import type { WorkshopContext } from './workshop/context.js';
import { HOST_HREF, JOIN_HREF, ROOM_HREF, isWorkshopRoute, layoutOf } from './workshop/routes.js';
import { workshopStore } from '../device/workshop-store.js';

export interface AppOptions {
  scenarios: Scenario[];
  /** Scenario files that did not load, shown to trainers on the menu. */
  broken: { file: string; diagnostics: Diagnostic[]; error?: string }[];
  storage: KeyValueStorage;
  onView: ViewListener;
  prefersReducedMotion: boolean;
  /** A fresh seed for planning a shift. */
  seed?: () => number;
  /** Sound for the calls; without it they are silent. */
  audio?: AudioService;
  /** The workshop server's client and the outbox of results; without them there is no workshop. */
  workshop?: Pick<WorkshopContext, 'api' | 'outbox'>;
}

const PLAY = /^#\/play\/([a-z0-9-]+)$/;

export function playHref(id: string): string {
  return `#/play/${id}`;
}

/** Shows the screen the address asks for, and follows it as it changes. */
export function mountApp(
  root: HTMLElement,
  options: AppOptions,
): { update(scenarios: Scenario[], broken: AppOptions['broken']): void } {
  const route = () => {
    // The screen shown now ends: a call stops its timers (its progress is already saved).
    leaveScreen(root);
    const hash = window.location.hash;
    // The projector and the facilitator's page have no customer to draw: the page takes the width.
    document.body.dataset.layout = layoutOf(hash);
    if (options.workshop && isWorkshopRoute(hash)) {
      const context: WorkshopContext = { ...options.workshop, ...options };
      root.replaceChildren(el('p', {}, 'Loading the workshop…'));
      void import('./workshop/pages.js').then((pages) => {
        // The address may have changed while the pages loaded.
        if (window.location.hash === hash) pages.showWorkshop(root, hash, context);
      });
      return;
    }
    if (hash === AUTHOR_HREF) {
      showAuthor(root, { onView: options.onView });
      return;
    }
    if (window.location.hash === SHIFT_HREF) {
      showShift(root, {
        scenarios: options.scenarios,
        storage: options.storage,
        onView: options.onView,
        seed: options.seed ?? (() => Math.floor(Math.random() * 2 ** 31)),
        ...(options.audio ? { audio: options.audio } : {}),
      });
      return;
    }
    const match = PLAY.exec(window.location.hash);
    const scenario = match ? options.scenarios.find((s) => s.id === match[1]) : undefined;
    if (scenario) {
      // The next scenario in the list (round to the start), so a trainee can go straight on.
      const index = options.scenarios.indexOf(scenario);
      const next = options.scenarios[(index + 1) % options.scenarios.length];
      mountTextCall(root, scenario, {
        onView: options.onView,
        storage: options.storage,
        menuHref: '#/',
        ...(options.audio ? { audio: options.audio } : {}),
        ...(next && next !== scenario ? { next: { title: next.title, href: playHref(next.id) } } : {}),
      });
    } else {
      showMenu(root, options, match ? `There is no scenario called "${match[1] ?? ''}" here.` : undefined);
    }
  };
  window.addEventListener('hashchange', route);
  route();
  return {
    /** New scenario files (the dev server saw one change): show the same screen with them. */
    update(scenarios, broken) {
      options.scenarios = scenarios;
      options.broken = broken;
      route();
    },
  };
}

function showMenu(root: HTMLElement, options: AppOptions, notice?: string): void {
  const progressLoad = progressStore(options.storage).load();
  const settings = settingsStore(options.storage, options.prefersReducedMotion);
  const progress = progressLoad.value;
  const titleOf = (id: string) => options.scenarios.find((s) => s.id === id)?.title ?? id;
  // How the call ended, in words (resolved, hung up…), not the ending's id in the scenario file.
  const endingOf = (scenarioId: string, ending: string | null) => {
    if (ending === null) return 'Unfinished';
    const scenario = options.scenarios.find((s) => s.id === scenarioId);
    const kind = (scenario && own(scenario.endings, ending))?.kind;
    if (!scenario || !kind) return ending;
    const words = endingWords(kind, scenario.setting);
    return words.charAt(0).toUpperCase() + words.slice(1);
  };

  const status = notices(notice, progressLoad.notice, settings.load().notice);

  const inProgress = progress.inProgress;
  const shift = shiftStore(options.storage).load().value.shift;
  // A call that belongs to the shift in progress resumes inside the shift.
  const shiftCall = shift?.calls[shift.outcomes.length];
  const resumeHref = (id: string) => (shiftCall?.id === id ? SHIFT_HREF : playHref(id));
  const resume =
    inProgress && options.scenarios.some((s) => s.id === inProgress.scenario.id)
      ? el(
          'section',
          { className: 'card resume' },
          el('h2', {}, 'You have a call in progress'),
          el(
            'a',
            { className: 'primary', href: resumeHref(inProgress.scenario.id) },
            `Resume: ${titleOf(inProgress.scenario.id)}`,
          ),
        )
      : '';
  const hasRoutine = options.scenarios.some((s) => s.call_type === 'routine');
  const shiftCard = hasRoutine
    ? el(
        'section',
        { className: 'card shift-card' },
        el('h2', {}, 'Work a shift'),
        el(
          'p',
          {},
          shift
            ? `Your shift is under way: ${shift.outcomes.length} of ${shift.calls.length} calls taken.`
            : 'Ten to twenty short calls in a row, as they come on a real day. One question at the end.',
        ),
        el('a', { className: 'primary', href: SHIFT_HREF }, shift ? 'Back to your shift' : 'Start a shift'),
      )
    : '';

  const membership = options.workshop ? workshopStore(options.storage).load().value.membership : null;
  const workshopCard = options.workshop
    ? el(
        'section',
        { className: 'card workshop-card' },
        el('h2', {}, 'Workshop'),
        membership
          ? el(
              'p',
              {},
              `You are in room ${membership.room} as ${membership.nickname}. `,
              el('a', { className: 'primary', href: ROOM_HREF }, 'Back to the room'),
            )
          : el(
              'p',
              {},
              'In a workshop? ',
              el('a', { className: 'primary', href: JOIN_HREF }, 'Join a room'),
              ' with the code on the projector.',
            ),
        el(
          'p',
          { className: 'muted' },
          'Facilitators: ',
          el('a', { href: HOST_HREF }, 'set up a room'),
          ' for a live leaderboard.',
        ),
      )
    : '';

  const cards = options.scenarios.map((s) => {
    const best = bestScore(progress, s.id);
    return el(
      'li',
      { className: 'scenario-card' },
      el('a', { href: playHref(s.id) }, el('h3', {}, s.title)),
      el('p', {}, `${s.customer.name} · ${s.setting} · ${s.difficulty} · about ${s.minutes} min`),
      el('p', { className: 'best' }, best === null ? 'Not played yet' : `Best: ${best} / 1000`),
    );
  });

  const attempts = [...progress.attempts].reverse().slice(0, 10);
  const history = attempts.length
    ? el(
        'div',
        // Wide for a phone: the table scrolls sideways inside its card, the page does not.
        { className: 'table-scroll' },
        el(
          'table',
          {},
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['When', 'Scenario', 'Mode', 'Score', 'Ending'].map((h) => el('th', { scope: 'col' }, h)),
            ),
          ),
          el(
            'tbody',
            {},
            ...attempts.map((a) =>
              el(
                'tr',
                {},
                el('td', {}, new Date(a.finishedAt).toLocaleString()),
                el('td', {}, titleOf(a.scenario.id)),
                el('td', {}, a.transcript.mode === 'assessment' ? 'Assessment' : 'Coach'),
                el(
                  'td',
                  {},
                  `${a.total} (${a.grade})`,
                  // A total from earlier scoring rules is kept as it was, and says so.
                  a.scoring === SCORING_VERSION
                    ? ''
                    : el('span', { className: 'muted' }, ` · scored by the version ${a.scoring} rules`),
                ),
                el('td', {}, endingOf(a.scenario.id, a.ending)),
              ),
            ),
          ),
        ),
      )
    : el('p', {}, 'No calls finished on this device yet.');

  const broken = options.broken.length
    ? el(
        'section',
        { className: 'card' },
        el('h2', {}, 'Scenario files that could not be loaded'),
        el(
          'pre',
          {},
          options.broken
            .flatMap((b) => [
              ...(b.error ? [`${b.file}: error ${b.error}`] : []),
              ...b.diagnostics.map(formatDiagnostic),
            ])
            .join('\n'),
        ),
      )
    : '';

  root.replaceChildren(
    el(
      'header',
      {},
      el('p', { className: 'brand' }, 'Keep Cool'),
      el('h1', {}, 'Practise calming a difficult customer'),
    ),
    status,
    resume,
    // Someone in a workshop room goes back to it first; anyone else starts with the scenarios.
    membership ? workshopCard : '',
    el('section', {}, el('h2', {}, 'Scenarios'), el('ul', { className: 'scenario-list' }, ...cards)),
    shiftCard,
    membership ? '' : workshopCard,
    el('section', { className: 'card' }, el('h2', {}, 'History'), history),
    settingsPanel(settings),
    el(
      'p',
      { className: 'muted' },
      'Trainers: ',
      el('a', { href: AUTHOR_HREF }, 'check and playtest a scenario file'),
      ' (author mode).',
    ),
    broken,
  );
  const first = options.scenarios[0];
  if (first) {
    options.onView({
      appearance: first.customer.appearance,
      setting: first.setting,
      mood: 'calm',
      pose: 'neutral',
      anger: first.customer.anger,
      reducedMotion: settings.load().value.reducedMotion,
    });
  }
}
