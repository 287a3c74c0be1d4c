/**
 * The shift at `#/shift`: choose a length, take the calls one after another, then estimate what
 * share of them were hostile and see the real share beside the guess (the perception gap).
 */
import {
  HOSTILE_ONE_IN,
  SHIFT_MAX,
  SHIFT_MIN,
  TYPICAL_GUESS,
  planShift,
  shiftOutcome,
  summarizeShift,
  type Scenario,
} from '../engine/index.js';
import { shiftStore, type ActiveShift } from '../device/shift-store.js';
import type { AudioService } from '../sound/service.js';
import type { KeyValueStorage } from '../device/store.js';
import { el } from './kit/dom.js';
import { enterScreen } from './kit/screen.js';
import { notices, plural } from './kit/status.js';
import { mountTextCall, type ViewListener } from './call/text-call.js';
import { icon } from './art.js';
import { INTRO_ID } from './course.js';

export const SHIFT_HREF = '#/shift';

export interface ShiftOptions {
  scenarios: Scenario[];
  storage: KeyValueStorage;
  onView: ViewListener;
  /** A fresh seed for a new shift (the page passes a random one; tests may pass their own). */
  seed: () => number;
  audio?: AudioService;
}

/** Shows whichever screen the shift on this device is at. */
export function showShift(root: HTMLElement, options: ShiftOptions): void {
  // The shift's screens follow one another in `root`: the one shown before (a debrief) ends.
  enterScreen(root);
  const store = shiftStore(options.storage);
  const loaded = store.load();
  const shift = loaded.value.shift;
  const again = () => {
    showShift(root, options);
  };
  if (!shift) {
    setup(root, options, loaded.notice);
    return;
  }
  const index = shift.outcomes.length;
  const call = shift.calls[index];
  if (call) {
    const scenario = options.scenarios.find((s) => s.id === call.id && s.version === call.version);
    if (!scenario) {
      // The library changed under a shift in progress: say so and start again, never crash.
      store.save({ version: 1, shift: null });
      setup(
        root,
        options,
        `The scenario "${call.id}" v${call.version} is no longer here, so that shift was ended.`,
      );
      return;
    }
    const last = index + 1 === shift.calls.length;
    mountTextCall(root, scenario, {
      onView: options.onView,
      storage: options.storage,
      menuHref: '#/',
      ...(options.audio ? { audio: options.audio } : {}),
      shift: {
        position: index + 1,
        total: shift.calls.length,
        onFinish: (result) => {
          const current = store.load().value.shift;
          // Only the first finish of this call counts; a rewind in its debrief is practice.
          if (current?.outcomes.length !== index) return;
          store.save({
            version: 1,
            shift: { ...current, outcomes: [...current.outcomes, shiftOutcome(call, scenario, result)] },
          });
        },
        continueWith: {
          label: last ? 'End the shift' : `Next call (${index + 2} of ${shift.calls.length})`,
          run: again,
        },
      },
    });
    return;
  }
  if (shift.estimate === null) estimateScreen(root, shift, options, again);
  else resultScreen(root, shift, options, again);
}

/** The calls a shift is drawn from: the library without the introduction, which is a first step. */
function shiftLibrary(scenarios: readonly Scenario[]): Scenario[] {
  return scenarios.filter((s) => s.id !== INTRO_ID);
}

/** About how long a shift of `n` calls takes, from the scenarios' own minutes and the day's mix. */
function shiftMinutes(library: readonly Scenario[], n: number): number {
  const mean = (list: readonly Scenario[]) =>
    list.length ? list.reduce((sum, s) => sum + s.minutes, 0) / list.length : 0;
  const routine = library.filter((s) => s.call_type === 'routine');
  const hostile = library.filter((s) => s.call_type === 'hostile');
  const hostileCalls = hostile.length ? Math.max(1, Math.round(n / HOSTILE_ONE_IN)) : 0;
  return Math.round((n - hostileCalls) * mean(routine) + hostileCalls * mean(hostile));
}

const LENGTH_NAMES: Record<number, string> = {
  [SHIFT_MIN]: 'A short shift',
  15: 'A busy morning',
  [SHIFT_MAX]: 'A full day',
};

function setup(root: HTMLElement, options: ShiftOptions, notice?: string): void {
  const library = shiftLibrary(options.scenarios);
  const routine = library.filter((s) => s.call_type === 'routine');
  const status = notices(notice);
  const lengths = [SHIFT_MIN, 15, SHIFT_MAX];
  const choices = lengths.map((n, i) => {
    const name = LENGTH_NAMES[n] ?? 'A shift';
    const minutes = `about ${shiftMinutes(library, n)} min`;
    const note = `${name}, ${minutes}`;
    const input = el('input', { type: 'radio', name: 'shift-length', value: String(n), checked: i === 0 });
    input.setAttribute('aria-label', `${n} calls: ${note}`);
    return el(
      'label',
      { className: 'segment shift-length' },
      input,
      el('span', { className: 'segment-label' }, `${n} calls`),
      el('span', { className: 'segment-note' }, name),
      el('span', { className: 'segment-note' }, minutes),
    );
  });
  const start = el('button', { type: 'button', className: 'primary big' }, 'Start the shift');
  start.disabled = routine.length === 0;
  start.addEventListener('click', () => {
    const chosen = root.querySelector<HTMLInputElement>('input[name="shift-length"]:checked');
    const plan = planShift(library, Number(chosen?.value ?? SHIFT_MIN), options.seed());
    shiftStore(options.storage).save({
      version: 1,
      shift: { seed: plan.seed, calls: plan.calls, outcomes: [], estimate: null },
    });
    showShift(root, options);
  });
  root.replaceChildren(
    el(
      'header',
      {},
      el('a', { className: 'back', href: '#/' }, '← All scenarios'),
      el('p', { className: 'brand' }, 'Keep Cool'),
      el('h1', {}, icon('shift', 'icon heading-icon'), 'Work a shift'),
    ),
    status,
    el(
      'p',
      { className: 'summary' },
      'A run of short calls, one after another, like a real day at the counter and on the phone. Take each one as it comes. At the end you will be asked one question about the day.',
    ),
    routine.length === 0
      ? el('p', { className: 'notice' }, 'A shift needs routine scenarios, and this library has none.')
      : el(
          'section',
          { className: 'card shift-picker' },
          el(
            'fieldset',
            { className: 'segmented' },
            el('legend', {}, 'How long a shift?'),
            el('div', { className: 'segments' }, ...choices),
          ),
        ),
    el(
      'ul',
      { className: 'shift-rules' },
      el('li', {}, 'Each call has its debrief; the shift keeps your first go at each one.'),
      el('li', {}, 'You can leave and come back: the shift waits on this device.'),
    ),
    el('div', { className: 'actions' }, start),
  );
  start.focus();
}

function estimateScreen(
  root: HTMLElement,
  shift: ActiveShift,
  options: ShiftOptions,
  next: () => void,
): void {
  const slider = el('input', { type: 'range', min: '0', max: '100', step: '5', value: '50', id: 'estimate' });
  const output = el('output', {}, '50%');
  output.htmlFor.add('estimate');
  const sync = () => {
    output.textContent = `${slider.value}%`;
    slider.setAttribute('aria-valuetext', `${slider.value} percent`);
    slider.style.setProperty('--value', `${slider.value}%`);
  };
  slider.addEventListener('input', sync);
  sync();
  const show = el('button', { type: 'button', className: 'primary' }, 'Compare with the real share');
  show.addEventListener('click', () => {
    const store = shiftStore(options.storage);
    const current = store.load().value.shift ?? shift;
    store.save({ version: 1, shift: { ...current, estimate: Number(slider.value) } });
    next();
  });
  const heading = el('h1', { tabIndex: -1 }, 'Your shift is over');
  root.replaceChildren(
    heading,
    el('p', {}, `You took ${shift.calls.length} calls.`),
    el(
      'section',
      { className: 'card' },
      el(
        'h2',
        {},
        el('label', { htmlFor: 'estimate' }, 'Thinking back: what share of today’s calls were hostile?'),
      ),
      el(
        'p',
        { className: 'muted' },
        'A hostile call is one where the customer was angry or abusive from the start.',
      ),
      el('div', { className: 'estimate' }, slider, output),
    ),
    el('div', { className: 'actions' }, show),
  );
  heading.focus();
}

/** A bar with its number written beside it: the comparison never rests on colour or length alone. */
function bar(label: string, percent: number, detail: string, kind: string): HTMLElement {
  const fill = el('span', { className: `fill ${kind}` });
  fill.style.width = `${Math.max(1, percent)}%`;
  return el(
    'div',
    { className: 'gap-row' },
    el('span', { className: 'gap-label' }, label),
    el('span', { className: 'gap-track' }, fill),
    el('span', { className: 'gap-value' }, detail),
  );
}

function resultScreen(root: HTMLElement, shift: ActiveShift, options: ShiftOptions, next: () => void): void {
  const summary = summarizeShift(shift.outcomes, shift.estimate ?? 0);
  const titleOf = (id: string) => options.scenarios.find((s) => s.id === id)?.title ?? id;
  const restart = el('button', { type: 'button', className: 'primary' }, 'Start a new shift');
  restart.addEventListener('click', () => {
    shiftStore(options.storage).save({ version: 1, shift: null });
    next();
  });
  const heading = el('h1', { tabIndex: -1 }, 'What the day was really like');
  const gap = summary.estimate - summary.hostileShare;
  root.replaceChildren(
    heading,
    el(
      'section',
      { className: 'card gap' },
      el('h2', {}, 'Hostile calls: your estimate and the real share'),
      bar('Your estimate', summary.estimate, `${summary.estimate}%`, 'guess'),
      bar(
        'Really',
        summary.hostileShare,
        `${summary.hostileShare}% · ${summary.hostile} of ${summary.calls} calls`,
        'real',
      ),
      bar('What most staff guess', TYPICAL_GUESS, `about ${TYPICAL_GUESS}%`, 'typical'),
    ),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, 'Why the gap'),
      el(
        'p',
        {},
        gap > 10
          ? `You guessed ${gap} points too high, and you are in good company: asked the same question, people who serve customers for a living tend to say about ${TYPICAL_GUESS}%, when the real figure is nearer one call in twenty.`
          : `Your estimate was close. Most people who serve customers for a living guess about ${TYPICAL_GUESS}%, when the real figure is nearer one call in twenty.`,
      ),
      el(
        'p',
        {},
        'Memory keeps the bad calls and lets the pleasant ones go, so the difficult customer starts to feel like the usual one. Expect a fight and you open defensively — and a perfectly calm customer answers in the same tone.',
      ),
      el(
        'p',
        { className: summary.soured > 0 ? 'dont' : 'hit' },
        summary.soured > 0
          ? `It happened today: ${plural(summary.soured, 'routine call')} turned sour after your first answer.`
          : 'Today none of the routine calls turned sour after your first answer: you opened as if each caller were the pleasant person most of them are.',
      ),
    ),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, `The calls · average score ${summary.meanScore}`),
      el(
        'ol',
        {},
        ...shift.outcomes.map((o) =>
          el(
            'li',
            {},
            `${titleOf(o.id)}${o.hostile ? ' (hostile)' : ''} — ${o.total} / 1000, ${o.ending ?? 'unfinished'}${o.soured ? ' · turned sour' : ''}`,
          ),
        ),
      ),
    ),
    el(
      'div',
      { className: 'actions' },
      restart,
      el('a', { className: 'secondary', href: '#/' }, 'All scenarios'),
    ),
  );
  heading.focus();
}
