/**
 * The call's three meters: the customer's anger and trust and the trainee's composure, each a bar, a
 * number and a word. They stay on screen for the whole call: when a value moves, its bar slides to
 * it and the change ("+12") shows beside it, then lifts away. With reduced motion the bar jumps and
 * the change stays, as plain text, until the next one.
 *
 * Where the author set what a moment shows (a node's `shows`: an outburst at anger 38, a defeated
 * slump), the anger meter's word says what the picture shows, as the face does, and the meter is
 * marked (`flare`): the number stays the engine's, which the endings and the debrief follow.
 */
import { COOL_BELOW, angerMood, responseWindow, type CallState, type Shown } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { t, type Key } from '../i18n/index.js';
import { moodName, shownName } from '../i18n/names.js';

/** Trust, 0–100, in a word (the page's wording; the engine has no bands for trust). */
const trustWord = (v: number) => t(v >= 70 ? 'level.high' : v >= 40 ? 'level.middling' : 'level.low');
/**
 * Composure in a word. Its one line that matters is the engine's: where the customer's patience with
 * silence starts to shorten (below COOL_BELOW) the word turns, as the hint and the bar's colour do.
 */
export const composureWord = (v: number): string =>
  t(
    v >= 70
      ? 'level.high'
      : responseWindow(v) === 1
        ? 'level.steady'
        : v >= 30
          ? 'level.frayed'
          : 'level.low',
  );

/** How long the bar takes to slide to a new value, and how long its change shows before it goes. */
const SLIDE_MS = 600;
const CHANGE_MS = 2800;
/**
 * The change pops in beside the meter, holds, then lifts away, wiped out from below. It moves
 * rather than fading through half-opacity, so the text keeps its full contrast while it is there.
 */
const LIFT: Keyframe[] = [
  { transform: 'translateY(0.35rem) scale(1.35)', clipPath: 'inset(0 0 0 0)' },
  { transform: 'none', clipPath: 'inset(0 0 0 0)', offset: 0.1 },
  { transform: 'none', clipPath: 'inset(0 0 0 0)', offset: 0.8 },
  { transform: 'translateY(-0.5rem)', clipPath: 'inset(0 0 100% 0)' },
];

type Reading = Pick<CallState, 'anger' | 'trust' | 'composure'>;

interface MeterSpec {
  key: keyof Reading;
  /** The meter's name, and the shorter one on screen where it differs (catalogue keys). */
  label: Key;
  shown?: Key;
  describe: (v: number, shows: Shown | undefined) => string;
  bands: { low: number; high: number };
  /** Whether a rise is good news for the trainee (trust, composure) or bad (anger). */
  riseIsGood: boolean;
}

const SPECS: readonly MeterSpec[] = [
  {
    key: 'anger',
    label: 'meter.anger',
    describe: (v, shows) => (shows ? shownName(shows) : moodName(angerMood(v))),
    bands: { low: 30, high: 70 },
    riseIsGood: false,
  },
  { key: 'trust', label: 'meter.trust', describe: trustWord, bands: { low: 30, high: 70 }, riseIsGood: true },
  {
    key: 'composure',
    label: 'meter.composure',
    shown: 'meter.composure.short',
    describe: composureWord,
    bands: { low: COOL_BELOW, high: 70 },
    riseIsGood: true,
  },
];

/** A change as the page writes it: "+12", "−8" (a true minus sign). */
export const signed = (delta: number): string => (delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`);

export interface MeterBoard {
  element: HTMLElement;
  /**
   * Shows the call as it stands; a value that moved since the last call slides and shows its change.
   * `shows` is what the moment's picture shows, where its author set it apart from the numbers.
   */
  show(reading: Reading, shows?: Shown): void;
  /** Stops any bar still sliding: the screen is leaving. */
  stop(): void;
}

function meter(spec: MeterSpec, reducedMotion: boolean) {
  const bar = el('meter', { min: 0, max: 100, ...spec.bands, optimum: spec.riseIsGood ? 100 : 0 });
  bar.setAttribute('aria-label', t(spec.label));
  const value = el('span', { className: 'meter-value' });
  const change = el('span', { className: 'meter-change' });
  const element = el(
    'div',
    { className: `meter meter-${spec.key}` },
    el('span', { className: 'meter-label' }, t(spec.shown ?? spec.label)),
    bar,
    value,
    change,
  );
  let shown: number | null = null;
  let frame = 0;
  let lift: Animation | null = null;
  const slide = (from: number, to: number) => {
    window.cancelAnimationFrame(frame);
    const started = performance.now();
    const tick = (now: number) => {
      const t = Math.min(1, (now - started) / SLIDE_MS);
      // Ease out: quick at first, settling on the value.
      bar.value = from + (to - from) * (1 - (1 - t) ** 3);
      if (t < 1) frame = window.requestAnimationFrame(tick);
    };
    frame = window.requestAnimationFrame(tick);
  };
  return {
    element,
    show(v: number, shows: Shown | undefined) {
      value.textContent = t('meter.value', { value: v, word: spec.describe(v, shows) });
      element.classList.toggle('flare', shows !== undefined && spec.key === 'anger');
      if (shown === null || shown === v) {
        if (shown === null) bar.value = v;
        shown = v;
        return;
      }
      const delta = v - shown;
      const from = bar.value;
      shown = v;
      change.textContent = signed(delta);
      change.classList.toggle('good', delta > 0 === spec.riseIsGood);
      change.classList.toggle('bad', delta > 0 !== spec.riseIsGood);
      if (reducedMotion) {
        bar.value = v;
        return;
      }
      // A change that lands while the last one still shows starts afresh.
      lift?.cancel();
      lift = change.animate(LIFT, { duration: CHANGE_MS, easing: 'ease-out', fill: 'forwards' });
      lift.addEventListener('finish', () => {
        // Gone from sight: the change is no longer news, so it leaves the page's text too.
        change.textContent = '';
      });
      slide(from, v);
    },
    stop() {
      window.cancelAnimationFrame(frame);
      lift?.cancel();
      if (shown !== null) bar.value = shown;
    },
  };
}

/** The three meters, kept for the whole call so each can show how far it moved. */
export function meterBoard(reducedMotion: boolean): MeterBoard {
  const meters = SPECS.map((spec) => ({ spec, view: meter(spec, reducedMotion) }));
  const element = el('div', { className: 'meters' }, ...meters.map((m) => m.view.element));
  element.classList.toggle('still', reducedMotion);
  return {
    element,
    show(reading, shows) {
      for (const { spec, view } of meters) view.show(reading[spec.key], shows);
    },
    stop() {
      for (const { view } of meters) view.stop();
    },
  };
}
