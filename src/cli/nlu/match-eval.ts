/**
 * How well typed answers find their response: assets/nlu/match/<scenario>.jsonl holds answers a
 * trainee might type for each authored response ({"node", "response", "text"}), written for this.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Scenario } from '../../engine/index.js';
import { own } from '../../engine/own.js';
import { matchAnswer, offered } from '../../engine/understand/match.js';
import type { Model } from '../../engine/understand/model.js';

export const MATCH_DIR = 'assets/nlu/match';

const Line = z.strictObject({ node: z.string(), response: z.string(), text: z.string().min(1) });

export interface MatchTally {
  scenario: string;
  answers: number;
  /** Matched to the meant response with no question asked. */
  right: number;
  /** Matched, without asking, to another response: the worst outcome. */
  wrong: number;
  /** No clear match: the trainee is offered the closest few, and the meant one is among them. */
  offered: number;
  /** No clear match, and the meant response is not among those offered. */
  missed: number;
  problems: string[];
}

export function evaluateMatching(
  scenarios: readonly Scenario[],
  model: Model,
  dir = MATCH_DIR,
): MatchTally[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.jsonl$/, '');
      const tally: MatchTally = {
        scenario: id,
        answers: 0,
        right: 0,
        wrong: 0,
        offered: 0,
        missed: 0,
        problems: [],
      };
      const scenario = scenarios.find((s) => s.id === id);
      if (!scenario) {
        tally.problems.push(`${join(dir, file)}: no scenario '${id}'`);
        return tally;
      }
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((raw, i) => {
          if (!raw.trim()) return;
          const at = `${join(dir, file)}:${i + 1}`;
          let line: z.infer<typeof Line>;
          try {
            line = Line.parse(JSON.parse(raw));
          } catch {
            tally.problems.push(`${at}: not {"node", "response", "text"}`);
            return;
          }
          const node = own(scenario.nodes, line.node);
          if (!node?.responses.some((r) => r.id === line.response)) {
            tally.problems.push(`${at}: no response '${line.response}' at node '${line.node}'`);
            return;
          }
          const match = matchAnswer(line.text, model.label(line.text).labels, node.responses);
          tally.answers++;
          if (match.chosen === line.response) tally.right++;
          else if (match.chosen !== null) tally.wrong++;
          else if (offered(match).includes(line.response)) tally.offered++;
          else tally.missed++;
        });
      return tally;
    });
}
