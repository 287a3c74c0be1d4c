/**
 * Author mode's analysis, off the page's thread: a big scenario takes a noticeable moment to
 * parse, validate and analyse, and the page must keep answering meanwhile. Receives a file's text,
 * answers with what loadScenario says about it.
 */
import { loadScenario } from '../../engine/load.js';
import type { AnalysisReply, AnalysisRequest } from './analysis.js';

/** The part of a dedicated worker's global scope used here (the DOM typings describe a window). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(reply: AnalysisReply): void;
};

scope.onmessage = ({ data }) => {
  const { scenario, diagnostics } = loadScenario(data.text, data.name);
  scope.postMessage({ id: data.id, scenario: scenario ?? null, diagnostics });
};
