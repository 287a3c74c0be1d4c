/**
 * Sheets made when first needed: a customer's parts or a room's drawings become one texture
 * (one SVG decoded once), whose frames the stage switches between. Nothing is redrawn per frame.
 */
import type Phaser from 'phaser';
import { SETTINGS, type Setting } from '../engine/index.js';
import type { Atlas } from './atlas.js';
import { sceneAtlas } from './backdrop.js';
import { partScale, type Resolution } from './resolution.js';
import { customerAtlas } from './rig.js';

export const customerKey = (appearance: string) => `customer:${appearance}`;
export const sceneKey = (setting: Setting) => `scene:${setting}`;

type Textures = Phaser.Textures.TextureManager;

const pending = new WeakMap<Textures, Map<string, Promise<void>>>();

/** Decodes `make()`'s sheet into the texture `key` with its frames, once; later calls share the wait. */
function sheet(textures: Textures, key: string, make: () => Atlas): Promise<void> {
  if (textures.exists(key)) return Promise.resolve();
  const waits = pending.get(textures) ?? new Map<string, Promise<void>>();
  pending.set(textures, waits);
  const waiting = waits.get(key);
  if (waiting) return waiting;
  const made = make();
  const url = URL.createObjectURL(new Blob([made.svg], { type: 'image/svg+xml' }));
  const image = new Image();
  image.src = url;
  const done = image
    .decode()
    .then(() => {
      // The stage may have been taken down meanwhile (its texture manager with it).
      if ((textures.game as Phaser.Game | null) === null) return;
      const texture = textures.exists(key) ? textures.get(key) : textures.addImage(key, image);
      if (!texture) throw new Error(`the stage could not make the texture ${key}`);
      for (const [name, f] of Object.entries(made.frames)) texture.add(name, 0, f.x, f.y, f.w, f.h);
    })
    .finally(() => {
      URL.revokeObjectURL(url);
      waits.delete(key);
    });
  waits.set(key, done);
  return done;
}

const customerSheet = (textures: Textures, resolution: Resolution, appearance: string) =>
  sheet(textures, customerKey(appearance), () => customerAtlas(appearance, partScale(resolution)));
const sceneSheet = (textures: Textures, resolution: Resolution, setting: Setting) =>
  sheet(textures, sceneKey(setting), () => sceneAtlas(setting, resolution));

/**
 * The sheets a view needs: its customer (none on a phone call: `null`), anyone beside them (a team
 * lead who joined, `others`) and its room.
 */
export function loadSheets(
  textures: Textures,
  resolution: Resolution,
  appearance: string | null,
  setting: Setting,
  others: readonly string[] = [],
): Promise<void> {
  const people = appearance === null ? others : [appearance, ...others];
  return Promise.all([
    ...people.map((look) => customerSheet(textures, resolution, look)),
    sceneSheet(textures, resolution, setting),
  ]).then(() => undefined);
}

export function sheetsReady(
  textures: Textures,
  appearance: string | null,
  setting: Setting,
  others: readonly string[] = [],
): boolean {
  const people = appearance === null ? others : [appearance, ...others];
  return people.every((look) => textures.exists(customerKey(look))) && textures.exists(sceneKey(setting));
}

/**
 * Makes the other customers' and rooms' sheets while the page is idle, one at a time, so the
 * first customer comes quickly and the next one is there when a scenario is picked. Returns a
 * function that stops it.
 */
export function prefetchSheets(
  textures: Textures,
  resolution: Resolution,
  appearances: readonly string[],
): () => void {
  const queue: (() => Promise<void>)[] = [
    ...SETTINGS.map((setting) => () => sceneSheet(textures, resolution, setting)),
    ...appearances.map((appearance) => () => customerSheet(textures, resolution, appearance)),
  ];
  let stopped = false;
  let handle = 0;
  const idle = (run: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(run, { timeout: 4000 })
      : window.setTimeout(run, 300);
  const next = () => {
    const make = queue.shift();
    if (stopped || !make) return;
    // A sheet that fails here is tried again (and reported) when a view needs it.
    make().then(
      () => (handle = idle(next)),
      () => (handle = idle(next)),
    );
  };
  handle = idle(next);
  return () => {
    stopped = true;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    else clearTimeout(handle);
  };
}
