/** Where the trained model is kept (committed; the game imports it). */
export const MODEL_PATH = 'src/engine/understand/model.json';
