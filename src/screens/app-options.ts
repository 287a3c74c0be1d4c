/** What the page's app is given: the scenarios, the device's storage, the stage's listener, sound and the workshop. */
import type { Course, Diagnostic, Scenario } from '../engine/index.js';
import type { KeyValueStorage } from '../device/store.js';
import type { AudioService } from '../sound/service.js';
import type { ViewListener } from './call/text-call.js';
import type { WorkshopContext } from './workshop/context.js';

export interface AppOptions {
  scenarios: Scenario[];
  /** Scenario files that did not load, shown to trainers on the menu. */
  broken: { file: string; diagnostics: Diagnostic[]; error?: string }[];
  /** The course (scenarios/course/course.yaml), when the library has one that loads. */
  course?: Course | null;
  /** The course file's problems, when it did not load. */
  courseBroken?: { file: string; diagnostics: Diagnostic[] }[];
  storage: KeyValueStorage;
  /** Loads the scenarios' translations into the page's language (after the language changes). */
  loadTexts?: () => Promise<void>;
  onView: ViewListener;
  prefersReducedMotion: boolean;
  /** A fresh seed for planning a shift. */
  seed?: () => number;
  /** Sound for the calls; without it they are silent. */
  audio?: AudioService;
  /** The workshop server's client and the outbox of results; without them there is no workshop. */
  workshop?: Pick<WorkshopContext, 'api' | 'outbox'>;
}
