/** Where the editor schema lives and its exact text, shared by the writer and the drift test. */
import { scenarioJsonSchema } from '../engine/schema.js';

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';

export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
