/** A screen's life on a page element, and the life a part joins when it is added to a screen later. */
import { describe, expect, it } from 'vitest';
import { currentScreen, enterScreen, leaveScreen } from '../../src/screens/kit/screen.js';

/** The kit only keys lives by the element: any object stands in for one here, in Node. */
const host = () => ({}) as HTMLElement;

describe('currentScreen', () => {
  it('joins the screen shown now, and ends with it', () => {
    const root = host();
    const screen = enterScreen(root);
    const part = currentScreen(root);
    const stopped: string[] = [];
    part.onLeave(() => stopped.push('part'));
    expect(part.ended).toBe(false);
    expect(part.signal).toBe(screen.signal);
    enterScreen(root);
    expect(stopped).toEqual(['part']);
    expect(part.ended).toBe(true);
  });

  it('starts nothing: the screen shown goes on', () => {
    const root = host();
    const screen = enterScreen(root);
    currentScreen(root);
    expect(screen.ended).toBe(false);
    leaveScreen(root);
    expect(screen.ended).toBe(true);
  });

  it('has already ended when no screen is shown, so what joins it stops at once', () => {
    const root = host();
    const stopped: string[] = [];
    currentScreen(root).onLeave(() => stopped.push('never shown'));
    enterScreen(root);
    leaveScreen(root);
    const late = currentScreen(root);
    late.onLeave(() => stopped.push('left'));
    expect(late.ended).toBe(true);
    expect(stopped).toEqual(['never shown', 'left']);
  });
});
