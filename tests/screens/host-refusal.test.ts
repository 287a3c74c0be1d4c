/**
 * The facilitator's pages word the server's refusals from the catalogue, by code, in the page's
 * language; a code they do not know keeps the server's own sentence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/screens/i18n/index.js';
import { refusalWords } from '../../src/screens/workshop/host-refusal.js';

const refusal = (code: string, extra: { retryAfterSeconds?: number; status?: number } = {}) => ({
  status: 400,
  code,
  message: `The server's own English for ${code}.`,
  ...extra,
});

afterEach(() => {
  setLanguage('en');
});

describe('refusalWords', () => {
  it('says a known refusal in the page’s language, whatever the server wrote', () => {
    expect(refusalWords(refusal('not-facilitator'))).toBe(
      'Only the room’s facilitator can do that: open the room from the device that created it.',
    );
    setLanguage('es');
    expect(refusalWords(refusal('not-facilitator'))).toBe(
      'Solo quien facilita la sala puede hacer eso: ábrela desde el dispositivo donde se creó.',
    );
    expect(refusalWords(refusal('offline'))).toMatch(/^No se puede contactar con el servidor del taller/);
    expect(refusalWords(refusal('no-room'), 'K7PX3M')).toBe('En este servidor no hay ninguna sala K7PX3M.');
    expect(refusalWords(refusal('http', { status: 418 }))).toBe(
      'El servidor del taller respondió con un error (418). Vuelve a intentarlo.',
    );
  });

  it('counts the seconds to wait the language’s way, or says a moment when the server did not say', () => {
    expect(refusalWords(refusal('rate-limited', { retryAfterSeconds: 1 }))).toBe(
      'Too many requests; try again in 1 second.',
    );
    setLanguage('es');
    expect(refusalWords(refusal('rate-limited', { retryAfterSeconds: 12 }))).toBe(
      'Demasiadas peticiones; vuelve a intentarlo dentro de 12 segundos.',
    );
    expect(refusalWords(refusal('rate-limited'))).toBe(
      'Demasiadas peticiones; vuelve a intentarlo en un momento.',
    );
  });

  it('keeps the server’s sentence for a code it does not know, or one named like an object’s key', () => {
    setLanguage('es');
    expect(refusalWords(refusal('room-exploded'))).toBe("The server's own English for room-exploded.");
    expect(refusalWords(refusal('toString'))).toBe("The server's own English for toString.");
  });
});
