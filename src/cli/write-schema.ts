/**
 * Writes the scenario JSON Schema for editors from the zod schema: `npm run schema`.
 * The file sits beside the scenarios so `# yaml-language-server: $schema=./scenario.schema.json` finds it.
 */
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, schemaFileText } from './schema-file.js';

writeFileSync(SCHEMA_FILE, schemaFileText());
console.log(`wrote ${SCHEMA_FILE}`);
