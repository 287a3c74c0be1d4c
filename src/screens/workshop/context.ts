/** What every workshop screen is given: the server, this device's storage and outbox, the calls. */
import type { Scenario } from '../../engine/index.js';
import type { KeyValueStorage } from '../../device/store.js';
import type { AudioService } from '../../sound/service.js';
import type { ViewListener } from '../call/text-call.js';
import type { ApiClient } from './api-client.js';
import type { Outbox } from './outbox.js';

export interface WorkshopContext {
  api: ApiClient;
  storage: KeyValueStorage;
  outbox: Outbox;
  scenarios: Scenario[];
  onView: ViewListener;
  audio?: AudioService;
}
