/**
 * Player settings in the page: the form, and applying text size and motion to the document. Every
 * control is a real form control with its label (radios drawn as segmented buttons, checkboxes as
 * switches, sliders with their value written beside them), so keys and screen readers work as usual.
 */
import type { Settings } from '../device/settings.js';
import type { VersionedStore } from '../device/store.js';
import { icon } from './art.js';
import { el } from './kit/dom.js';
import { LANGUAGES } from '../device/language.js';
import { LANGUAGE_NAMES, language, t } from './i18n/index.js';

/** Applies text size and reduced motion to the page and returns the settings for the caller. */
export function applySettings(settings: Settings): Settings {
  document.documentElement.dataset.textSize = settings.textSize;
  document.documentElement.dataset.motion = settings.reducedMotion ? 'reduced' : 'full';
  return settings;
}

/** Sent on window whenever a setting changes, so the sound can follow the volumes at once. */
export const SETTINGS_CHANGED = 'keep-cool:settings';

let panels = 0;

/** A checkbox drawn as a switch (controls.css): the label's words first, the switch at the row's end. */
function switchRow(label: string, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
  const input = el('input', { type: 'checkbox', checked, className: 'switch-input' });
  input.setAttribute('role', 'switch');
  input.addEventListener('change', () => {
    onChange(input.checked);
  });
  return el('label', { className: 'switch' }, el('span', { className: 'switch-label' }, label), input);
}

/**
 * The choice between picking written answers and typing one's own, as the settings and the
 * briefing show it. The typed-answer model understands English only: in another language, Type
 * is still offered (a trainee may well write English), but its note says so plainly.
 */
function answerOptions() {
  const english = language() === 'en';
  return [
    { value: 'pick', label: t('settings.pick'), note: t('settings.pick.note') },
    {
      value: 'type',
      label: t('settings.type'),
      note: t(english ? 'settings.type.note' : 'settings.type.note.english'),
    },
  ] as const;
}

/** Where typed answers go (nowhere, but to the workshop server of a room the trainee joined), and in which language. */
function typedNote(): HTMLElement {
  const note = el('p', { className: 'muted privacy' }, t('settings.typed.privacy'));
  if (language() !== 'en')
    note.append(' ', el('strong', { className: 'typed-language' }, t('settings.typed.english')));
  return note;
}

/**
 * Pick or Type, with where typed text goes, as the settings and the briefing show it. A choice is
 * saved as the setting at once; the control follows the setting when another one on the page
 * changes it. `privacy: 'typed'` shows where typed text goes only while Type is chosen.
 */
export function answerWayChoice(
  store: VersionedStore<Settings>,
  legend: string,
  name: string,
  privacy: 'always' | 'typed',
): HTMLElement {
  const note = typedNote();
  const choice = el(
    'div',
    { className: 'answer-way' },
    segmented(legend, name, answerOptions(), store.load().value.answers, (answers) => {
      store.save({ ...store.load().value, answers });
      window.dispatchEvent(new Event(SETTINGS_CHANGED));
    }),
    note,
  );
  const follow = () => {
    // Gone from the page: it stops listening.
    if (!choice.isConnected) {
      window.removeEventListener(SETTINGS_CHANGED, follow);
      return;
    }
    const { answers } = store.load().value;
    note.hidden = privacy === 'typed' && answers !== 'type';
    for (const input of choice.querySelectorAll('input')) input.checked = input.value === answers;
  };
  note.hidden = privacy === 'typed' && store.load().value.answers !== 'type';
  window.addEventListener(SETTINGS_CHANGED, follow);
  return choice;
}

/**
 * Radios drawn as one segmented control. Sighted players see an option's short name big and its
 * note under it; its name for screen readers is the two as one phrase ("Coach: feedback after
 * every answer"). Other forms use it too (a workshop room's way of answering), so the game's
 * choices all look and work alike.
 */
export function segmented<V extends string>(
  legend: string,
  name: string,
  options: readonly { value: V; label: string; note?: string; className?: string; lang?: string }[],
  current: V,
  onChange: (value: V) => void,
): HTMLElement {
  return el(
    'fieldset',
    { className: 'segmented' },
    el('legend', {}, legend),
    el(
      'div',
      { className: 'segments' },
      ...options.map((option) => {
        const input = el('input', {
          type: 'radio',
          name,
          value: option.value,
          checked: option.value === current,
        });
        if (option.note) input.setAttribute('aria-label', `${option.label}: ${option.note}`);
        input.addEventListener('change', () => {
          if (input.checked) onChange(option.value);
        });
        return el(
          'label',
          { className: `segment ${option.className ?? ''}`.trim() },
          input,
          el(
            'span',
            { className: 'segment-label', ...(option.lang ? { lang: option.lang } : {}) },
            option.label,
          ),
          option.note ? el('span', { className: 'segment-note' }, option.note) : '',
        );
      }),
    ),
  );
}

/** A slider with its value written beside it, kept in step as it moves. */
function slider(label: string, value: number, onInput: (value: number) => void): HTMLElement {
  const input = el('input', { type: 'range', min: '0', max: '100', step: '5', value: String(value) });
  const shown = el('output', { className: 'volume-value' }, t('settings.percent', { value }));
  const paint = () => {
    shown.textContent = t('settings.percent', { value: Number(input.value) });
    input.style.setProperty('--value', `${input.value}%`);
  };
  paint();
  input.addEventListener('input', () => {
    paint();
    onInput(Number(input.value));
  });
  return el('label', { className: 'volume' }, el('span', { className: 'volume-label' }, label), input, shown);
}

/**
 * The settings form: language, feedback mode, how answers are given, text size, reduced motion,
 * sound; saved as soon as they change. A new language is applied by the app (app.ts), which shows
 * the same screen again in it.
 */
export function settingsPanel(
  store: VersionedStore<Settings>,
  /** `answers: false` leaves out Pick or Type (a workshop room decides it for its calls). */
  { answers: withAnswers = true }: { answers?: boolean } = {},
): HTMLElement {
  const current = applySettings(store.load().value);
  const id = `settings-${++panels}`;
  const update = (change: Partial<Settings>) => {
    store.save(applySettings({ ...store.load().value, ...change }));
    window.dispatchEvent(new Event(SETTINGS_CHANGED));
  };
  const sound = (change: Partial<Settings['sound']>) => {
    update({ sound: { ...store.load().value.sound, ...change } });
  };
  return el(
    'details',
    { className: 'card settings' },
    el('summary', {}, icon('settings'), t('settings.title')),
    el(
      'div',
      { className: 'settings-grid' },
      segmented(
        t('settings.language'),
        `${id}-language`,
        LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value })),
        language(),
        (chosen) => {
          update({ language: chosen });
        },
      ),
      segmented(
        t('settings.feedback'),
        `${id}-mode`,
        [
          { value: 'coach', label: t('settings.coach'), note: t('settings.coach.note') },
          { value: 'assessment', label: t('settings.assessment'), note: t('settings.assessment.note') },
        ],
        current.mode,
        (mode) => {
          update({ mode });
        },
      ),
      withAnswers ? answerWayChoice(store, t('settings.answers'), `${id}-answers`, 'always') : '',
      segmented(
        t('settings.textSize'),
        `${id}-size`,
        [
          { value: 'normal', label: t('settings.size.normal'), className: 'size-normal' },
          { value: 'large', label: t('settings.size.large'), className: 'size-large' },
          { value: 'larger', label: t('settings.size.larger'), className: 'size-larger' },
        ],
        current.textSize,
        (textSize) => {
          update({ textSize });
        },
      ),
      el(
        'fieldset',
        { className: 'switches' },
        el('legend', {}, t('settings.motion')),
        switchRow(t('settings.reduceMotion'), current.reducedMotion, (reducedMotion) => {
          update({ reducedMotion });
        }),
      ),
      el(
        'fieldset',
        { className: 'sound-settings' },
        el('legend', {}, t('settings.sound')),
        switchRow(t('settings.mute'), current.sound.muted, (muted) => {
          sound({ muted });
        }),
        slider(t('settings.master'), current.sound.master, (master) => {
          sound({ master });
        }),
        slider(t('settings.ambience'), current.sound.ambience, (ambience) => {
          sound({ ambience });
        }),
        slider(t('settings.effects'), current.sound.effects, (effects) => {
          sound({ effects });
        }),
      ),
    ),
  );
}
