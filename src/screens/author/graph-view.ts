/**
 * The interactive graph (loaded only when author mode shows a scenario, with its layout library):
 * moments with their mood range, endings by kind, an arrow per answer labelled with its number,
 * words, letters, don'ts and condition, the max-anger ending joined by dashed arrows. Drag or arrow
 * keys pan, the wheel, + and − zoom, 0 fits; a moment, clicked or Entered, starts a playtest there.
 */
import { MAX_ANGER, type Scenario } from '../../engine/index.js';
import { el } from '../kit/dom.js';
import type { ScreenLife } from '../kit/screen.js';
import { layoutGraph, type Arrow, type Box } from './graph-layout.js';
import { t, tn } from '../i18n/index.js';

const NS = 'http://www.w3.org/2000/svg';
const MIN_ZOOM = 0.02;
const MAX_ZOOM = 3;
const PAN_STEP = 60;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

function lines(texts: string[], x: number, y: number, cls: string): SVGTextElement {
  const text = svg('text', { x, y, class: cls, 'text-anchor': 'middle' });
  // A space before each line after the first: read as text, the lines are words, not run together.
  texts.forEach((line, i) => {
    text.append(svg('tspan', { x, dy: i === 0 ? 0 : 13 }, i === 0 ? line : ` ${line}`));
  });
  return text;
}

function drawArrow(a: Arrow): SVGGElement {
  const [first, ...rest] = a.points;
  const d = first ? `M${first.x},${first.y}${rest.map((p) => ` L${p.x},${p.y}`).join('')}` : '';
  const cls = `arrow${a.maxAnger ? ' max-anger' : ''}${a.branch ? ' branch' : ''}`;
  const { x, y, width, height } = a.label;
  return svg(
    'g',
    { class: cls, 'data-from': a.from, 'data-to': a.to },
    svg('path', { d, 'marker-end': `url(#${a.maxAnger ? 'head-dashed' : 'head'})` }),
    svg('rect', { x: x - width / 2, y: y - height / 2, width, height, rx: 4, class: 'arrow-label' }),
    lines(a.lines, x, y - height / 2 + 13, 'arrow-text'),
  );
}

function drawBox(b: Box, pick: (id: string) => void): SVGGElement {
  const moment = b.kind === 'moment';
  const g = svg('g', {
    class: moment ? `moment${b.start ? ' start' : ''}` : `ending ending-${b.kind}`,
    'data-id': b.id,
  });
  g.append(
    svg('rect', {
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      rx: moment ? 6 : b.height / 2,
      fill: b.fill,
      class: 'box',
    }),
  );
  if (moment && b.range) {
    // Where the anger range sits on the 0–100 scale: a bar along the box's foot.
    const left = b.x + 10;
    const w = b.width - 20;
    const [lo, hi] = b.range.anger;
    g.append(
      svg('rect', { x: left, y: b.y + b.height - 8, width: w, height: 4, class: 'range-track' }),
      svg('rect', {
        x: left + (w * lo) / 100,
        y: b.y + b.height - 8,
        width: Math.max(2, (w * (hi - lo)) / 100),
        height: 4,
        class: 'range-bar',
      }),
    );
  }
  g.append(
    lines(b.lines, b.x + b.width / 2, b.y + (moment ? 16 : 18), moment ? 'box-text' : 'box-text ending-text'),
  );
  if (moment) {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', b.label);
    g.addEventListener('click', () => {
      pick(b.id);
    });
    g.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      pick(b.id);
    });
  } else {
    g.setAttribute('role', 'img');
    g.setAttribute('aria-label', b.label);
  }
  return g;
}

/** The graph card's content for `scenario`; `pick` is told the moment a trainer chose to playtest from. */
export function graphView(scenario: Scenario, pick: (node: string) => void, life: ScreenLife): HTMLElement {
  const started = performance.now();
  const layout = layoutGraph(scenario);
  // Out of the Tab order itself (Chromium would stop on it): Tab goes from moment to moment.
  const canvas = svg('g', { class: 'canvas', tabindex: -1 });
  /** An arrowhead, as a marker the arrows end with. */
  const head = (id: string, className: string) =>
    svg(
      'marker',
      {
        id,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', class: className }),
    );
  const defs = svg('defs', {}, head('head', 'head'), head('head-dashed', 'head max-anger'));
  canvas.append(...layout.arrows.map(drawArrow), ...layout.boxes.map((b) => drawBox(b, pick)));
  const moments = Object.keys(scenario.nodes).length;
  const endings = Object.keys(scenario.endings).length;
  const picture = svg('svg', { class: 'graph-svg' }, defs, canvas);
  picture.setAttribute('role', 'group');
  picture.setAttribute(
    'aria-label',
    t('author.graph.label', {
      title: scenario.title,
      moments: tn('author.graph.moments', moments),
      endings: tn('author.graph.endings', endings),
      arrows: tn('author.graph.arrows', layout.arrows.length),
    }),
  );
  const viewport = el('div', { className: 'graph-viewport' }, picture);
  viewport.tabIndex = 0;
  viewport.setAttribute('role', 'region');
  viewport.setAttribute('aria-label', t('author.graph.keys'));

  // The view: canvas = screen offset (x, y) + zoom k.
  const view = { x: 0, y: 0, k: 1 };
  const apply = () => {
    canvas.setAttribute(
      'transform',
      `translate(${view.x.toFixed(1)},${view.y.toFixed(1)}) scale(${view.k.toFixed(4)})`,
    );
    picture.dataset.view = `${Math.round(view.x)} ${Math.round(view.y)} ${view.k.toFixed(3)}`;
  };
  const size = () => ({ w: viewport.clientWidth || 800, h: viewport.clientHeight || 500 });
  const zoomAt = (factor: number, cx: number, cy: number) => {
    moved = true;
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
    view.x = cx - ((cx - view.x) * k) / view.k;
    view.y = cy - ((cy - view.y) * k) / view.k;
    view.k = k;
    apply();
  };
  const zoom = (factor: number) => {
    const { w, h } = size();
    zoomAt(factor, w / 2, h / 2);
  };
  const fit = () => {
    const { w, h } = size();
    view.k = Math.min(1, Math.max(MIN_ZOOM, Math.min(w / layout.width, h / layout.height)));
    view.x = (w - layout.width * view.k) / 2;
    view.y = Math.max(0, (h - layout.height * view.k) / 2);
    apply();
  };
  /** The start moment, readable, at the top: for a graph too big to read when fitted. */
  const home = () => {
    const start = layout.boxes.find((b) => b.start);
    const { w } = size();
    view.k = Math.min(1, w / 480);
    view.x = w / 2 - ((start?.x ?? 0) + (start?.width ?? 0) / 2) * view.k;
    view.y = 12 - (start?.y ?? 0) * view.k;
    apply();
  };
  /** Until the trainer moves the view, it follows the viewport's size (a phone turned, fonts loaded). */
  let moved = false;
  const pan = (dx: number, dy: number) => {
    moved = true;
    view.x += dx;
    view.y += dy;
    apply();
  };
  const first = () => {
    const { w, h } = size();
    if (Math.min(w / layout.width, h / layout.height) >= 0.45) fit();
    else home();
  };

  // A moment reached by Tab comes into view.
  canvas.addEventListener('focusin', (e) => {
    const id = (e.target as Element).getAttribute('data-id');
    const b = layout.boxes.find((x) => x.id === id);
    if (!b) return;
    const { w, h } = size();
    const left = b.x * view.k + view.x;
    const top = b.y * view.k + view.y;
    if (left < 0 || top < 0 || left + b.width * view.k > w || top + b.height * view.k > h)
      pan(w / 2 - left - (b.width * view.k) / 2, h / 2 - top - (b.height * view.k) / 2);
  });
  viewport.addEventListener(
    'keydown',
    (e) => {
      const moves: Record<string, () => void> = {
        ArrowLeft: () => {
          pan(PAN_STEP, 0);
        },
        ArrowRight: () => {
          pan(-PAN_STEP, 0);
        },
        ArrowUp: () => {
          pan(0, PAN_STEP);
        },
        ArrowDown: () => {
          pan(0, -PAN_STEP);
        },
        '+': () => {
          zoom(1.25);
        },
        '=': () => {
          zoom(1.25);
        },
        '-': () => {
          zoom(0.8);
        },
        '0': fit,
      };
      const move = moves[e.key];
      if (!move || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      move();
    },
    { signal: life.signal },
  );
  viewport.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const r = viewport.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false, signal: life.signal },
  );
  // Dragging pans; a press that does not move is a click (on a moment, a playtest).
  let drag: { id: number; x: number; y: number; moved: boolean } | null = null;
  viewport.addEventListener(
    'pointerdown',
    (e) => {
      drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
    },
    { signal: life.signal },
  );
  viewport.addEventListener(
    'pointermove',
    (e) => {
      if (drag?.id !== e.pointerId) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) viewport.setPointerCapture(e.pointerId);
      drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: true };
      viewport.classList.add('dragging');
      pan(dx, dy);
    },
    { signal: life.signal },
  );
  const endDrag = (e: PointerEvent) => {
    if (drag?.moved) {
      // The click that follows a drag is not a pick.
      viewport.addEventListener(
        'click',
        (c) => {
          c.stopPropagation();
        },
        { capture: true, once: true },
      );
    }
    if (drag?.id === e.pointerId) drag = null;
    viewport.classList.remove('dragging');
  };
  viewport.addEventListener('pointerup', endDrag, { signal: life.signal });
  viewport.addEventListener('pointercancel', endDrag, { signal: life.signal });

  const button = (text: string, label: string, run: () => void) => {
    const b = el('button', { type: 'button', className: 'secondary small zoom' }, text);
    b.setAttribute('aria-label', label);
    b.addEventListener('click', run);
    return b;
  };
  const tools = el(
    'div',
    { className: 'graph-tools' },
    button('+', t('author.graph.zoomIn'), () => {
      zoom(1.25);
    }),
    button('−', t('author.graph.zoomOut'), () => {
      zoom(0.8);
    }),
    button(t('author.graph.fit'), t('author.graph.fit.label'), fit),
    button(t('author.graph.home'), t('author.graph.home.label'), home),
  );
  const took = Math.round(performance.now() - started);
  const legend = el(
    'p',
    { className: 'graph-legend muted' },
    [
      t(layout.exactRanges ? 'author.graph.legend.ranges' : 'author.graph.legend.estimated'),
      t('author.graph.legend.arrows', { max: MAX_ANGER }),
      t(layout.by === 'dagre' ? 'author.graph.legend.dagre' : 'author.graph.legend.rows', { ms: took }),
    ].join(' '),
  );
  const element = el('div', { className: 'graph-view' }, tools, viewport, legend);
  // Placed once the viewport has a size, and again when that changes while nobody has moved it.
  const sized = new ResizeObserver(() => {
    if (!moved && viewport.clientWidth > 0) first();
  });
  sized.observe(viewport);
  life.onLeave(() => {
    sized.disconnect();
  });
  return element;
}
