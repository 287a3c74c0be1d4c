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
import { notices } from './kit/status.js';
import { mountTextCall, type ViewListener } from './call/text-call.js';
import { icon } from './art.js';
import { INTRO_ID } from './course.js';
import { t, tn, type Key } from './i18n/index.js';
import { storeNotice } from './kit/store-notice.js';
import { endingById, titleById } from './scenario-language.js';

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
    setup(root, options, storeNotice(loaded.notice));
    return;
  }
  const index = shift.outcomes.length;
  const call = shift.calls[index];
  if (call) {
    const scenario = options.scenarios.find((s) => s.id === call.id && s.version === call.version);
    if (!scenario) {
      // The library changed under a shift in progress: say so and start again, never crash.
      store.save({ version: 1, shift: null });
      setup(root, options, t('shift.gone', { id: call.id, version: call.version }));
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
          label: last ? t('shift.end') : t('shift.nextCall', { n: index + 2, total: shift.calls.length }),
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

const LENGTH_NAMES: Record<number, Key> = {
  [SHIFT_MIN]: 'shift.length.short',
  15: 'shift.length.busy',
  [SHIFT_MAX]: 'shift.length.full',
};

function setup(root: HTMLElement, options: ShiftOptions, notice?: string): void {
  const library = shiftLibrary(options.scenarios);
  const routine = library.filter((s) => s.call_type === 'routine');
  const status = notices(notice);
  const lengths = [SHIFT_MIN, 15, SHIFT_MAX];
  const choices = lengths.map((n, i) => {
    const name = t(LENGTH_NAMES[n] ?? 'shift.length.other');
    const minutes = t('shift.minutes', { minutes: shiftMinutes(library, n) });
    const note = t('shift.note', { name, minutes });
    const input = el('input', { type: 'radio', name: 'shift-length', value: String(n), checked: i === 0 });
    input.setAttribute('aria-label', t('shift.calls.label', { n, note }));
    return el(
      'label',
      { className: 'segment shift-length' },
      input,
      el('span', { className: 'segment-label' }, t('shift.calls', { n })),
      el('span', { className: 'segment-note' }, name),
      el('span', { className: 'segment-note' }, minutes),
    );
  });
  const start = el('button', { type: 'button', className: 'primary big' }, t('shift.start'));
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
      el('a', { className: 'back', href: '#/' }, t('history.back')),
      el('p', { className: 'brand' }, 'Keep Cool'),
      el('h1', {}, icon('shift', 'icon heading-icon'), t('shift.title')),
    ),
    status,
    el('p', { className: 'summary' }, t('shift.about')),
    routine.length === 0
      ? el('p', { className: 'notice' }, t('shift.noRoutine'))
      : el(
          'section',
          { className: 'card shift-picker' },
          el(
            'fieldset',
            { className: 'segmented' },
            el('legend', {}, t('shift.howLong')),
            el('div', { className: 'segments' }, ...choices),
          ),
        ),
    el(
      'ul',
      { className: 'shift-rules' },
      el('li', {}, t('shift.rule.debrief')),
      el('li', {}, t('shift.rule.leave')),
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
  const output = el('output', {}, t('shift.percent', { value: 50 }));
  output.htmlFor.add('estimate');
  const sync = () => {
    output.textContent = t('shift.percent', { value: Number(slider.value) });
    slider.setAttribute('aria-valuetext', t('shift.percentText', { value: Number(slider.value) }));
    slider.style.setProperty('--value', `${slider.value}%`);
  };
  slider.addEventListener('input', sync);
  sync();
  const show = el('button', { type: 'button', className: 'primary' }, t('shift.compare'));
  show.addEventListener('click', () => {
    const store = shiftStore(options.storage);
    const current = store.load().value.shift ?? shift;
    store.save({ version: 1, shift: { ...current, estimate: Number(slider.value) } });
    next();
  });
  const heading = el('h1', { tabIndex: -1 }, t('shift.over'));
  root.replaceChildren(
    heading,
    el('p', {}, t('shift.took', { n: shift.calls.length })),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, el('label', { htmlFor: 'estimate' }, t('shift.estimate'))),
      el('p', { className: 'muted' }, t('shift.hostileIs')),
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
  const titleOf = (id: string) => titleById(options.scenarios, id);
  const endedBy = (id: string, ending: string | null) =>
    ending === null ? t('shift.unfinished') : (endingById(options.scenarios, id, ending) ?? ending);
  const restart = el('button', { type: 'button', className: 'primary' }, t('shift.newShift'));
  restart.addEventListener('click', () => {
    shiftStore(options.storage).save({ version: 1, shift: null });
    next();
  });
  const heading = el('h1', { tabIndex: -1 }, t('shift.really'));
  const gap = summary.estimate - summary.hostileShare;
  root.replaceChildren(
    heading,
    el(
      'section',
      { className: 'card gap' },
      el('h2', {}, t('shift.gap.title')),
      bar(
        t('shift.yourEstimate'),
        summary.estimate,
        t('shift.percent', { value: summary.estimate }),
        'guess',
      ),
      bar(
        t('shift.real'),
        summary.hostileShare,
        t('shift.real.value', {
          share: summary.hostileShare,
          hostile: summary.hostile,
          calls: summary.calls,
        }),
        'real',
      ),
      bar(t('shift.typical'), TYPICAL_GUESS, t('shift.about.value', { value: TYPICAL_GUESS }), 'typical'),
    ),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, t('shift.why')),
      el(
        'p',
        {},
        gap > 10
          ? t('shift.gap.high', { gap, typical: TYPICAL_GUESS })
          : t('shift.gap.close', { typical: TYPICAL_GUESS }),
      ),
      el('p', {}, t('shift.memory')),
      el(
        'p',
        { className: summary.soured > 0 ? 'dont' : 'hit' },
        summary.soured > 0 ? tn('shift.soured', summary.soured) : t('shift.notSoured'),
      ),
    ),
    el(
      'section',
      { className: 'card' },
      el('h2', {}, t('shift.calls.title', { score: summary.meanScore })),
      el(
        'ol',
        {},
        ...shift.outcomes.map((o) =>
          el(
            'li',
            {},
            t('shift.outcome', {
              title: titleOf(o.id),
              hostile: o.hostile ? t('shift.hostile') : '',
              total: o.total,
              ending: endedBy(o.id, o.ending),
              soured: o.soured ? t('shift.turnedSour') : '',
            }),
          ),
        ),
      ),
    ),
    el(
      'div',
      { className: 'actions' },
      restart,
      el('a', { className: 'secondary', href: '#/' }, t('call.wayBack.all')),
    ),
  );
  heading.focus();
}
