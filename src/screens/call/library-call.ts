/**
 * What a call from the library is given, played at its own address or reopened as a debrief: the
 * stage, the device's storage and sound, the menu to go back to, the next scenario in the course,
 * and an address for its debrief so a reload shows it again.
 */
import type { Scenario } from '../../engine/index.js';
import type { AppOptions } from '../app-options.js';
import { nextScenario } from '../routes.js';
import type { TextCallOptions } from './text-call.js';
import { shownTitle } from '../scenario-language.js';

export function libraryCallOptions(options: AppOptions, scenario: Scenario): TextCallOptions {
  // The next scenario in the list (round to the start), so a trainee can go straight on.
  const next = nextScenario(options.scenarios, scenario, shownTitle);
  return {
    onView: options.onView,
    storage: options.storage,
    menuHref: '#/',
    addressed: true,
    ...(options.audio ? { audio: options.audio } : {}),
    ...(next ? { next } : {}),
  };
}
