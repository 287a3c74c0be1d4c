/** Player settings kept on the device. */
import { z } from 'zod';
import { versionedStore, type KeyValueStorage, type VersionedStore } from './store.js';

export const SETTINGS_KEY = 'keep-cool:settings';

export const Settings = z.strictObject({
  version: z.literal(1),
  textSize: z.enum(['normal', 'large', 'larger']),
  reducedMotion: z.boolean(),
  /** Coach: feedback after each choice. Assessment: feedback waits for the debrief. */
  mode: z.enum(['coach', 'assessment']),
});
export type Settings = z.output<typeof Settings>;

export function defaultSettings(prefersReducedMotion = false): Settings {
  return { version: 1, textSize: 'normal', reducedMotion: prefersReducedMotion, mode: 'coach' };
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
