/**
 * The languages the page speaks, and the one a browser asks for. The catalogues themselves live
 * with the screens (src/screens/i18n/); the device only keeps which one the trainee chose.
 */

/** Every language the interface has a complete catalogue for; English is the source of truth. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The best of LANGUAGES for a browser's preferred languages (navigator.languages, best first):
 * the first whose primary subtag we have ("es-MX" → es), else English.
 */
export function bestLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((language) => language === primary);
    if (found) return found;
  }
  return 'en';
}
