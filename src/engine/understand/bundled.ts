/**
 * The understanding model trained in this repository (npm run nlu:train), loaded once. The game
 * imports this module only when Type mode is first used, so the model is not on the first screen.
 */
import file from './model.json';
import { loadModel, type Model } from './model.js';

let model: Model | undefined;

export function bundledModel(): Model {
  model ??= loadModel(file);
  return model;
}
