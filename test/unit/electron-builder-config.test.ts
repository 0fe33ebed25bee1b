/**
 * electron-builder.yml is checked without building (a build downloads
 * Electron): electron-builder's own loader and schema validator must accept
 * it, and the security-relevant settings (fuses, asar, what gets shipped) must
 * be the ones the architecture asks for. The broken copies prove the
 * validator really rejects bad configs rather than passing everything.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const configFile = join(root, 'electron-builder.yml');
const scratch = mkdtempSync(join(tmpdir(), 'outpost-builder-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function load(dir: string, file: string): Promise<Configuration> {
  return getConfig(dir, file, null);
}

async function validate(config: Configuration): Promise<void> {
  await validateConfiguration(config, new DebugLogger(false));
}

/** A copy of the real config in a scratch project, with `edit` applied to its text. */
async function brokenCopy(name: string, edit: (yaml: string) => string): Promise<Configuration> {
  const file = join(scratch, `${name}.yml`);
  const original = readFileSync(configFile, 'utf8');
  const yaml = edit(original);
  expect(yaml).not.toBe(original);
  writeFileSync(file, yaml);
  return load(root, file);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    const config = await load(root, configFile);
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('keeps the packaging and hardening settings', async () => {
    const config = await load(root, configFile);
    expect(config.appId).toBe('org.outpost.workstation');
    expect(config.productName).toBe('Outpost');
    expect(config.directories?.output).toBe('release');
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.extraResources ?? []).toEqual([]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('ships only the built output, and its resources exist', async () => {
    const config = await load(root, configFile);
    const patterns = JSON.stringify(config.files);
    for (const pattern of ['dist/**', 'dist-renderer/**', 'package.json']) expect(patterns).toContain(pattern);
    for (const source of ['main/', 'renderer/', 'db/', 'test/', 'node_modules/']) expect(patterns).not.toContain(`"${source}`);
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit, 'build/icon.png']) {
      expect(file).toBeTypeOf('string');
      expect(existsSync(join(root, file as string))).toBe(true);
    }
  });

  it('takes no signing or notarization secrets from the file', () => {
    const yaml = readFileSync(configFile, 'utf8');
    expect(yaml).not.toMatch(
      /^\s*(appleId|appleIdPassword|teamId|identity|certificateFile|certificatePassword|cscLink|cscKeyPassword)\s*:/m,
    );
  });

  it('rejects an unknown option (a misspelt key)', async () => {
    const config = await brokenCopy('unknown-key', (yaml) => yaml.replace('asar: true', 'asar: true\nasarr: true'));
    await expect(validate(config)).rejects.toThrow(/asarr/);
  });

  it('rejects a wrongly typed option', async () => {
    const config = await brokenCopy('wrong-type', (yaml) => yaml.replace('runAsNode: false', 'runAsNode: "no"'));
    await expect(validate(config)).rejects.toThrow(/runAsNode/);
  });

  it('rejects an unknown fuse', async () => {
    const config = await brokenCopy('unknown-fuse', (yaml) => yaml.replace('runAsNode: false', 'runAsNode: false\n  runAsRoot: false'));
    await expect(validate(config)).rejects.toThrow(/electronFuses/);
  });
});
