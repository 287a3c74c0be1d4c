/**
 * Author mode: the scenario list, analysis, live panel, playtest form and the graph (src/screens/author/).
 * In English, the source of truth: en.ts spreads these keys into the one catalogue, and
 * es-author.ts gives the same keys in Spanish.
 */
export const author = {
  'author.title': 'Check and playtest a scenario',
  // end
};
