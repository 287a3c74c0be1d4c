/** The scenario files, checked at build time: a LoadedScenarios (src/engine/load.ts) made by src/scenario-files/vite-plugin.ts. */
declare module 'virtual:keep-cool-scenarios' {
  const loaded: unknown;
  export default loaded;
}
/** The scenario translations by language and scenario id, each a loader of its own chunk (src/scenario-files/translations-plugin.ts). */
declare module 'virtual:keep-cool-translations' {
  const translations: Record<string, Record<string, () => Promise<{ default: unknown }>>>;
  export default translations;
}
/** The course file, checked at build time: a LoadedCourse made by src/scenario-files/course-plugin.ts. */
declare module 'virtual:keep-cool-course' {
  const loaded: unknown;
  export default loaded;
}
