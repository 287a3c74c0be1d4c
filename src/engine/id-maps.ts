/**
 * The scenario's maps keyed by id, made safe for any id: `__proto__` is reported rather than lost,
 * and the loaded maps have no prototype, so `constructor` or `toString` is just another key.
 */
import type { Report } from './diagnostics.js';
import type { Locator } from './locate.js';
import { dictionary } from './own.js';
import type { Scenario } from './schema.js';

const MAPS = ['nodes', 'endings'] as const;

/**
 * zod's records skip a `__proto__` key without a word, so a node or ending by that name would
 * vanish; it is refused like any other id that is not lower-case words joined by hyphens.
 */
export function reportHiddenIds(data: unknown, locate: Locator, report: Report): void {
  if (typeof data !== 'object' || data === null) return;
  for (const field of MAPS) {
    const map: unknown = (data as Record<string, unknown>)[field];
    if (typeof map !== 'object' || map === null || !Object.hasOwn(map, '__proto__')) continue;
    report(
      'KC011',
      locate([field, '__proto__'], 'key'),
      `invalid id '__proto__' in ${field}`,
      'ids are lower-case words joined by hyphens, like "first-contact"',
    );
  }
}

/** The scenario with its nodes and endings in objects without a prototype. */
export function withIdMaps(scenario: Scenario): Scenario {
  return {
    ...scenario,
    nodes: dictionary(Object.entries(scenario.nodes)),
    endings: dictionary(Object.entries(scenario.endings)),
  };
}
