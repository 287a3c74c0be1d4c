/**
 * Which of Phaser's renderers draws the stage. WebGL where the browser draws it on a graphics
 * card; Canvas where it would draw WebGL in software (a virtual desktop, a computer without a
 * graphics card, a test browser). The stage uses nothing Canvas cannot draw (no tints, blends or
 * filters), and in software WebGL costs about twice the processor time Canvas does for it: in
 * Chromium without a graphics card, 1.7 against 0.8 of a core while the customer speaks.
 */
export type RendererKind = 'webgl' | 'canvas';

/** Software rasterisers, as browsers name them in WebGL's renderer string. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** Is a WebGL renderer with this name a software one? */
export function drawsInSoftware(rendererName: string): boolean {
  return SOFTWARE.test(rendererName);
}

/**
 * Asks the browser which renderer it would use: a context it judges too slow (the standard
 * `failIfMajorPerformanceCaveat`), or one it names as a software rasteriser, means Canvas.
 */
export function rendererFor(): RendererKind {
  const probe = document.createElement('canvas');
  const options: WebGLContextAttributes = { failIfMajorPerformanceCaveat: true };
  const gl: WebGLRenderingContext | WebGL2RenderingContext | null =
    probe.getContext('webgl2', options) ?? probe.getContext('webgl', options);
  if (!gl) return 'canvas';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = [gl.getParameter(gl.RENDERER), info && gl.getParameter(info.UNMASKED_RENDERER_WEBGL)]
    .filter((n): n is string => typeof n === 'string')
    .join(' ');
  // One context fewer kept alive: browsers allow only a few.
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return drawsInSoftware(name) ? 'canvas' : 'webgl';
}
