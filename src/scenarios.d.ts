/** The scenario files, checked at build time: see LoadedScenarios in src/cli/scenarios-plugin.ts. */
declare module 'virtual:keep-cool-scenarios' {
  const loaded: unknown;
  export default loaded;
}
