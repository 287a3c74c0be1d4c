/** Software WebGL is told from a graphics card by the name the browser gives its renderer. */
import { expect, it } from 'vitest';
import { drawsInSoftware } from '../../src/stage/renderer.js';

it('knows the software rasterisers browsers use, and not graphics cards', () => {
  const software = [
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Mesa softpipe',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
    'Apple Software Renderer',
  ];
  const cards = [
    'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M2',
    'Adreno (TM) 650',
    'WebKit WebGL',
  ];
  for (const name of software) expect(drawsInSoftware(name), name).toBe(true);
  for (const name of cards) expect(drawsInSoftware(name), name).toBe(false);
});
