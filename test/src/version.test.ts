import { expect } from '@open-wc/testing';
import { VERSION } from '../../src/version.js';

describe('version', () => {
  it('is the version in package.json (Relais.version and the context key depend on it)', async () => {
    const packageJson = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(packageJson.version);
  });
});
