/**
 * Author mode: the scenario list, analysis, live panel, playtest form and the graph (src/screens/author/).
 * In English, the source of truth: en.ts spreads these keys into the one catalogue, and
 * es-author.ts gives the same keys in Spanish. The checker's own messages and hints (KC codes) stay
 * in English, as docs/diagnostics.md documents them; these are the page's words around them.
 */
import { CONDITION_ENGLISH } from '../../engine/condition-english.js';

export const author = {
  'author.title': 'Check and playtest a scenario',
  'author.brand': 'Keep Cool · author mode',
  'author.open': 'Open a scenario file',
  'author.open.how': ' — choose one, or drop it here. It is read in this browser; nothing is uploaded.',
  'author.reading': 'Reading {name}…',
  'author.diagnostics': 'Diagnostics',
  'author.loads.clean': '{title}: loads cleanly.',
  'author.loads.warnings.one': '{title}: loads, with {count} warning.',
  'author.loads.warnings.other': '{title}: loads, with {count} warnings.',
  'author.broken.one': '{name} does not load: {count} problem to fix.',
  'author.broken.other': '{name} does not load: {count} problems to fix, first one first.',
  'author.diagnostic.error': 'error {code}',
  'author.diagnostic.warning': 'warning {code}',
  'author.diagnostic.at': ' at ',
  'author.diagnostic.where': 'line {line}, column {col}',
  'author.source': 'Source',
  'author.source.label': '{name}, with line numbers',

  // Conditions and routes (condition-words.ts): the graph's arrows and the live panel.
  'author.cond.anger': CONDITION_ENGLISH.anger,
  'author.cond.trust': CONDITION_ENGLISH.trust,
  'author.cond.flagSet': CONDITION_ENGLISH.flagSet,
  'author.cond.flagNotSet': CONDITION_ENGLISH.flagNotSet,
  'author.cond.and': CONDITION_ENGLISH.and,
  'author.cond.or': CONDITION_ENGLISH.or,
  'author.cond.otherwise': CONDITION_ENGLISH.otherwise,
  'author.route.maxAnger': CONDITION_ENGLISH.maxAnger,
  'author.route.direct': CONDITION_ENGLISH.direct,
  'author.route.branch': CONDITION_ENGLISH.branch,
  'author.route.otherwise': CONDITION_ENGLISH.otherwiseBranch,
  'author.route.noCondition': CONDITION_ENGLISH.noCondition,
  'author.route.timeOut': CONDITION_ENGLISH.timeOut,
  'author.route.silenceEnded': CONDITION_ENGLISH.silenceEnded,
  'author.route.silence': CONDITION_ENGLISH.silence,
  'author.route.iMessage': CONDITION_ENGLISH.iMessage,
  'author.route.answer': CONDITION_ENGLISH.answer,
  'author.route.after': CONDITION_ENGLISH.after,

  // The live panel.
  'author.live.label': 'Live panel',
  'author.live.why': 'Why it went there',
  'author.live.routes': 'Routes so far',
  'author.live.moment': 'Moment',
  'author.live.ended': 'ended: {ending}',
  'author.live.flags': 'Flags',
  'author.live.noFlags': 'none',
  'author.live.score': 'Score so far',

  // The playtest form.
  'author.play.title': 'Playtest',
  'author.play.from': 'From',
  'author.play.startOption': '{id} (start)',
  'author.play.state': 'The state at that moment',
  'author.play.flags': 'Flags set',
  'author.play.arrive': 'Arrive as on the best path to here',
  'author.play.start': 'Playtest',
  'author.play.noPath': "No path walked reaches '{node}': set the numbers yourself.",
  'author.play.isStart': "'{node}' is the start: the customer as they begin the call.",
  'author.play.asMethod': "As on the method's path: {way}.",
  'author.play.asBest': 'As on the best-scoring path through it: {way}.',
  'author.play.byHand': 'Numbers set by hand.',
  'author.play.fromStart': 'A playtest from the start: kept in this page only, never in the history.',
  'author.play.practice':
    "Practice run from '{node}' (anger {anger}, trust {trust}, composure {composure}): not saved as an attempt, and not scored against the whole scenario — the score covers the moments played.",
  'author.play.practiceFlags':
    "Practice run from '{node}' (anger {anger}, trust {trust}, composure {composure}, flags {flags}): not saved as an attempt, and not scored against the whole scenario — the score covers the moments played.",
  'author.play.over': 'Practice run over',
  'author.play.ended':
    "The call ended at '{ending}' ({kind}). The moments played scored {total}: a practice figure, kept nowhere.",
  'author.play.noEnding': 'no ending',
  'author.play.again': "Practise again from '{node}'",

  // The graph.
  'author.graph.title': 'The call as a graph',
  'author.graph.drawing': 'Drawing the graph…',
  'author.graph.failed': 'The graph could not be drawn ({reason}).',
  'author.graph.label': 'Graph of {title}: {moments}, {endings}, {arrows}',
  'author.graph.moments.one': '{count} moment',
  'author.graph.moments.other': '{count} moments',
  'author.graph.endings.one': '{count} ending',
  'author.graph.endings.other': '{count} endings',
  'author.graph.arrows.one': '{count} arrow',
  'author.graph.arrows.other': '{count} arrows',
  'author.graph.keys':
    'The call as a graph: arrow keys pan, plus and minus zoom, 0 fits it in view; Tab reaches each moment, Enter starts a playtest there',
  'author.graph.zoomIn': 'Zoom in',
  'author.graph.zoomOut': 'Zoom out',
  'author.graph.fit': 'Fit',
  'author.graph.fit.label': 'Fit the whole graph in view',
  'author.graph.home': 'Start',
  'author.graph.home.label': 'Show the start, readable',
  'author.graph.numbers': 'anger {anger} · trust {trust}',
  'author.graph.unreached': 'not reached by any answer',
  'author.graph.momentLabel': '{lines}: playtest here',
  'author.graph.startLabel': '{lines} (the start): playtest here',
  'author.graph.good': '{kind} (good)',
  'author.graph.ending': 'Ending {id}: {kind}.',
  'author.graph.endingMax': 'Ending {id}: {kind} (also where anger {max} ends the call).',
  'author.graph.if': 'if {condition}',
  'author.graph.iMessage': 'I-message (built)',
  'author.graph.then': 'then ({speaker})',
  'author.graph.thenCustomer': 'then (customer)',
  'author.graph.maxAnger': 'anger {max}',
  'author.graph.legend.ranges':
    'Moments show anger and trust on arrival over every way of answering (silences left out), and the bar under each is where that anger sits from 0 to 100.',
  'author.graph.legend.estimated':
    'Moments show anger and trust on arrival over every way of answering (silences left out), estimated: the scenario is too big to walk every state. The bar under each is where that anger sits from 0 to 100.',
  'author.graph.legend.arrows':
    'Arrows are numbered as the answers are written in the file; dashed arrows go to the ending anger {max} forces, from the moments an answer can take it there (a long silence can, from any moment).',
  'author.graph.legend.dagre': 'Laid out by dagre in {ms} ms.',
  'author.graph.legend.rows': 'Laid out in rows by distance from the start (a big graph) in {ms} ms.',
  // end
};
