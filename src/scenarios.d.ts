/** The scenario files, checked at build time: a LoadedScenarios (src/engine/load.ts) made by src/scenario-files/vite-plugin.ts. */
declare module 'virtual:keep-cool-scenarios' {
  const loaded: unknown;
  export default loaded;
}
