/**
 * Sheets made when first needed: a customer's parts or a room's drawings become one texture
 * (one SVG decoded once), whose frames the stage switches between. Nothing is redrawn per frame.
 */
import type Phaser from 'phaser';
import type { Setting } from '../engine/index.js';
import type { Atlas } from './atlas.js';
import { sceneAtlas } from './backdrop.js';
import { customerAtlas } from './rig.js';

export const customerKey = (appearance: string) => `customer:${appearance}`;
export const sceneKey = (setting: Setting) => `scene:${setting}`;

/** Texture pixels per stage pixel: the stage draws at twice its size, sharp on large and dense screens. */
export const RESOLUTION = 2;

const pending = new WeakMap<Phaser.Textures.TextureManager, Map<string, Promise<void>>>();

/** Decodes `make()`'s sheet into the texture `key` with its frames, once; later calls share the wait. */
function sheet(textures: Phaser.Textures.TextureManager, key: string, make: () => Atlas): Promise<void> {
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

/** The sheets a view needs: its customer and its room. */
export function loadSheets(
  textures: Phaser.Textures.TextureManager,
  appearance: string,
  setting: Setting,
): Promise<void> {
  return Promise.all([
    sheet(textures, customerKey(appearance), () => customerAtlas(appearance)),
    sheet(textures, sceneKey(setting), () => sceneAtlas(setting, RESOLUTION)),
  ]).then(() => undefined);
}

export function sheetsReady(textures: Phaser.Textures.TextureManager, appearance: string, setting: Setting): boolean {
  return textures.exists(customerKey(appearance)) && textures.exists(sceneKey(setting));
}
