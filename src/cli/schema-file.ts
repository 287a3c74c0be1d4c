/** Where the editor schemas live and their exact text, shared by the writer and the drift test. */
import { z } from 'zod';
import { scenarioJsonSchema } from '../engine/schema.js';
import { Translation } from '../engine/translation.js';
import { Course } from '../engine/course.js';

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';
/** The translations' schema, beside them: a translation file's first line points at it. */
export const TRANSLATION_SCHEMA_FILE = 'scenarios/translations/translation.schema.json';
export const COURSE_SCHEMA_FILE = 'scenarios/course/course.schema.json';

export function courseSchemaFileText(): string {
  const schema = {
    title: 'Keep Cool course',
    ...z.toJSONSchema(Course, { io: 'input', target: 'draft-2020-12' }),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function translationSchemaFileText(): string {
  const schema = {
    title: 'Keep Cool scenario translation',
    ...z.toJSONSchema(Translation, { io: 'input', target: 'draft-2020-12' }),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
