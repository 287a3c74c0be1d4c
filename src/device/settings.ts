/** Player settings kept on the device. */
import { z } from 'zod';
import { ANSWER_WAYS } from '../engine/transcript.js';
import { DEFAULT_MIX } from '../sound/service.js';
import { LANGUAGES, bestLanguage, type Language } from './language.js';
import { versionedStore, type KeyValueStorage, type VersionedStore } from './store.js';

export const SETTINGS_KEY = 'keep-cool:settings';

export const Settings = z.strictObject({
  version: z.literal(1),
  textSize: z.enum(['normal', 'large', 'larger']),
  reducedMotion: z.boolean(),
  /** Coach: feedback after each choice. Assessment: feedback waits for the debrief. */
  mode: z.enum(['coach', 'assessment']),
  /** Pick written answers, or type your own (understood on the device). Older saves: pick. */
  answers: z.enum(ANSWER_WAYS).default('pick'),
  /** Sound: mute, and master, ambience and effects volumes (0–100). Older saves get the defaults. */
  sound: z
    .strictObject({
      muted: z.boolean(),
      master: z.number().int().min(0).max(100),
      ambience: z.number().int().min(0).max(100),
      effects: z.number().int().min(0).max(100),
    })
    .default({ ...DEFAULT_MIX }),
  /**
   * The interface's language, once the trainee has picked one. Absent (older saves, and anyone who
   * never chose): the browser's language, as `languageOf` works it out.
   */
  language: z.enum(LANGUAGES).optional(),
});
export type Settings = z.output<typeof Settings>;

export function defaultSettings(prefersReducedMotion = false): Settings {
  return {
    version: 1,
    textSize: 'normal',
    reducedMotion: prefersReducedMotion,
    mode: 'coach',
    answers: 'pick',
    sound: { ...DEFAULT_MIX },
  };
}

/** The language the page speaks: the one chosen in settings, else the best match of the browser's. */
export function languageOf(settings: Settings, preferred: readonly string[]): Language {
  return settings.language ?? bestLanguage(preferred);
}

export function settingsStore(
  storage: KeyValueStorage,
  prefersReducedMotion = false,
): VersionedStore<Settings> {
  return versionedStore(
    storage,
    SETTINGS_KEY,
    Settings,
    () => defaultSettings(prefersReducedMotion),
    'settings',
  );
}
