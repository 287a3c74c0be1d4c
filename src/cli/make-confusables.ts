/** Writes src/api/confusables-data.ts from the unhomoglyph package: `npm run confusables`. */
import { writeFileSync } from 'node:fs';
import { CONFUSABLES_FILE, confusablesFileText } from './confusables-file.js';

writeFileSync(CONFUSABLES_FILE, await confusablesFileText());
console.log(`wrote ${CONFUSABLES_FILE}`);
