/**
 * Writes the JSON Schemas for editors from the zod schemas: `npm run schema`. The scenario's sits
 * beside the scenarios (`# yaml-language-server: $schema=./scenario.schema.json`), the translations'
 * beside them (`$schema=../translation.schema.json` from a language's folder), the course's beside
 * the course file.
 */
import { writeFileSync } from 'node:fs';
import {
  COURSE_SCHEMA_FILE,
  SCHEMA_FILE,
  courseSchemaFileText,
  TRANSLATION_SCHEMA_FILE,
  schemaFileText,
  translationSchemaFileText,
} from './schema-file.js';

writeFileSync(SCHEMA_FILE, schemaFileText());
console.log(`wrote ${SCHEMA_FILE}`);
writeFileSync(TRANSLATION_SCHEMA_FILE, translationSchemaFileText());
console.log(`wrote ${TRANSLATION_SCHEMA_FILE}`);
writeFileSync(COURSE_SCHEMA_FILE, courseSchemaFileText());
console.log(`wrote ${COURSE_SCHEMA_FILE}`);
