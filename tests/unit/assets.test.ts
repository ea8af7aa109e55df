import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { assetPath, loadAssets } from '../../src/host/io.js';

it('finds a dependency\'s asset by module resolution, not by a node_modules path under the package', () => {
  const font = 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf';
  expect(assetPath(font)).toBe(createRequire(import.meta.url).resolve(font));
  expect(loadAssets({ regular: font }).regular!.subarray(0, 4)).toEqual(new Uint8Array([0, 1, 0, 0]));
});

it('names an asset it cannot find', () => {
  expect(() => assetPath('no-such-package-ladderc/x.ttf')).toThrow(/cannot find the asset "no-such-package-ladderc\/x\.ttf"/);
});
