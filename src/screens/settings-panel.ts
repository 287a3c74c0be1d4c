/** Player settings in the page: the form, and applying text size to the document. */
import type { Settings } from '../device/settings.js';
import type { VersionedStore } from '../device/store.js';
import { el } from './kit/dom.js';

/** Applies text size to the page and returns the settings for the caller. */
export function applySettings(settings: Settings): Settings {
  document.documentElement.dataset.textSize = settings.textSize;
  return settings;
}

/** Sent on window whenever a setting changes, so the sound can follow the volumes at once. */
export const SETTINGS_CHANGED = 'keep-cool:settings';

/** The settings form: feedback mode, text size, reduced motion, sound; saved as soon as they change. */
export function settingsPanel(store: VersionedStore<Settings>): HTMLElement {
  const current = applySettings(store.load().value);
  const update = (change: Partial<Settings>) => {
    store.save(applySettings({ ...store.load().value, ...change }));
    window.dispatchEvent(new Event(SETTINGS_CHANGED));
  };
  const sound = current.sound;
  const mute = el('input', { type: 'checkbox', checked: sound.muted });
  mute.addEventListener('change', () => {
    update({ sound: { ...store.load().value.sound, muted: mute.checked } });
  });
  const volume = (key: 'master' | 'ambience' | 'effects', label: string) => {
    const input = el('input', { type: 'range', min: '0', max: '100', step: '5', value: String(sound[key]) });
    const shown = el('span', { className: 'volume-value' }, `${sound[key]}%`);
    input.addEventListener('input', () => {
      shown.textContent = `${input.value}%`;
      update({ sound: { ...store.load().value.sound, [key]: Number(input.value) } });
    });
    return el('label', { className: 'volume' }, `${label} `, input, shown);
  };
  const radio = (value: Settings['mode'], label: string) => {
    const input = el('input', { type: 'radio', name: 'mode', value, checked: current.mode === value });
    input.addEventListener('change', () => {
      update({ mode: value });
    });
    return el('label', {}, input, ` ${label}`);
  };
  const size = el(
    'select',
    {},
    ...(['normal', 'large', 'larger'] as const).map((v) =>
      el('option', { value: v, selected: current.textSize === v }, v),
    ),
  );
  size.addEventListener('change', () => {
    const value = size.value;
    if (value === 'normal' || value === 'large' || value === 'larger') update({ textSize: value });
  });
  const motion = el('input', { type: 'checkbox', checked: current.reducedMotion });
  motion.addEventListener('change', () => {
    update({ reducedMotion: motion.checked });
  });
  return el(
    'details',
    { className: 'card settings' },
    el('summary', {}, 'Settings'),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Feedback'),
      radio('coach', 'Coach: feedback after every answer'),
      radio('assessment', 'Assessment: feedback waits for the debrief'),
    ),
    el('label', {}, 'Text size ', size),
    el('label', {}, motion, ' Reduce motion'),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Sound'),
      el('label', {}, mute, ' Mute'),
      volume('master', 'Master volume'),
      volume('ambience', 'Room ambience'),
      volume('effects', 'Effects'),
    ),
  );
}
