/**
 * What the trainee notices about the customer. Body language that contradicts the words is a moment
 * to Observe: sighted players read it off the drawn customer; screen readers get the description;
 * anyone can ask for it in words ("Describe what I can see"). On a phone call nothing is seen: the
 * cue is how the voice sounds, and it is always in words ("You hear: …"), as the voice would be.
 */
import type { ScenarioNode, Setting } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import { cueHeard, cueLead } from './senses.js';
import { t } from '../i18n/index.js';

export interface CueLine {
  element: HTMLElement;
  /** "Describe what I can see (D)": offered while the cue is unspoken. */
  button: HTMLButtonElement;
  /** Whether the description is offered now (D asks for it). */
  readonly offered: boolean;
  /** Shows the cue in words. */
  describe: () => void;
  /** Follows the call to the moment `nodeId`. */
  sync: (nodeId: string, node: ScenarioNode) => void;
}

export function cueLine(setting: Setting): CueLine {
  const element = el('p', { className: 'cue' });
  const button = el('button', { type: 'button', className: 'secondary small' }, t('cue.describe'));
  let described = false;
  let describedAt: string | null = null;
  let unspoken = false;
  const draw = () => {
    element.classList.toggle('sr-only', unspoken && !described);
    button.hidden = !unspoken || described;
  };
  const describe = () => {
    described = true;
    draw();
  };
  button.addEventListener('click', describe);
  return {
    element,
    button,
    get offered() {
      return !button.hidden;
    },
    describe,
    sync(nodeId, node) {
      element.textContent = node.cue ? t('cue.line', { lead: cueLead(setting), cue: node.cue.text }) : '';
      // Asked for at one moment, the description is offered again at the next.
      if (describedAt !== nodeId) described = false;
      describedAt = nodeId;
      unspoken = node.cue !== undefined && !node.cue.matches && !cueHeard(setting);
      draw();
    },
  };
}
