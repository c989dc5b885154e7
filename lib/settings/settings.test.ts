import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyChange, DEFAULT_SETTINGS, getSettings, isSiteDisabled, normaliseHost, sanitizeSettings, settingsItem } from './settings';

beforeEach(() => fakeBrowser.reset());

describe('sanitizeSettings', () => {
  it('fills every missing field from the defaults', () => {
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ enabled: false })).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });
  it('repairs bad fields one by one and keeps the good ones', () => {
    const repaired = sanitizeSettings({
      enabled: 'yes',
      dwellMs: 99_999,
      markStyle: 'blink',
      disabledSites: ['https://www.Example.com/path', 'news.site.org', 42, 'bad host!', 'news.site.org'],
      muted: [{ id: 'ant-group', name: 'Ant Group' }, { id: 'ant-group', name: 'again' }, { id: 3 }, null],
    });
    expect(repaired).toEqual({
      enabled: true,
      dwellMs: 3_000,
      markStyle: 'underline',
      disabledSites: ['example.com', 'news.site.org'],
      muted: [{ id: 'ant-group', name: 'Ant Group' }],
    });
  });
  it('clamps a negative or fractional dwell delay', () => {
    expect(sanitizeSettings({ dwellMs: -5 }).dwellMs).toBe(0);
    expect(sanitizeSettings({ dwellMs: 250.6 }).dwellMs).toBe(251);
    expect(sanitizeSettings({ dwellMs: Number.NaN }).dwellMs).toBe(300);
  });
});

describe('the settings storage item', () => {
  it('reads the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
  it('repairs a hand-edited version 1 value on read', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false, dwellMs: '200', markStyle: 'background' }, settings$: { v: 1 } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false, markStyle: 'background' });
  });
  it('leaves a current value alone when migrating', async () => {
    const value = { ...DEFAULT_SETTINGS, dwellMs: 800 };
    await fakeBrowser.storage.local.set({ settings: value, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({ settings: value, settings$: { v: 1 } });
  });
  it('refuses to downgrade a value written by a newer build but still reads valid settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false, future: 1 }, settings$: { v: 2 } });
    await expect(settingsItem.migrate()).rejects.toThrow('Version downgrade');
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });
});

describe('applyChange', () => {
  it('sets values, turns sites off and on, and mutes names, repairing what it writes', () => {
    let s = applyChange(DEFAULT_SETTINGS, { kind: 'set', values: { dwellMs: 500 } });
    s = applyChange(s, { kind: 'site', host: 'www.news.example.com', disabled: true });
    s = applyChange(s, { kind: 'mute', name: { id: 'visa', name: 'Visa' }, muted: true });
    expect(s).toMatchObject({ dwellMs: 500, disabledSites: ['news.example.com'], muted: [{ id: 'visa', name: 'Visa' }] });
    s = applyChange(s, { kind: 'mute', name: { id: 'visa', name: 'Visa Inc.' }, muted: true });
    expect(s.muted).toEqual([{ id: 'visa', name: 'Visa Inc.' }]);
    s = applyChange(s, { kind: 'site', host: 'news.example.com', disabled: false });
    s = applyChange(s, { kind: 'mute', name: { id: 'visa', name: 'Visa' }, muted: false });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, dwellMs: 500 });
    expect(applyChange(s, { kind: 'set', values: { dwellMs: 99_999 } }).dwellMs).toBe(3_000);
    expect(() => applyChange(s, { kind: 'site', host: 'not a host', disabled: true })).toThrow('"not a host" is not a host name');
  });
});

describe('isSiteDisabled', () => {
  const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
  it('covers the site and its subdomains, not look-alikes', () => {
    expect(isSiteDisabled(s, 'example.com')).toBe(true);
    expect(isSiteDisabled(s, 'WWW.example.com')).toBe(true);
    expect(isSiteDisabled(s, 'a.b.example.com')).toBe(true);
    expect(isSiteDisabled(s, 'badexample.com')).toBe(false);
    expect(isSiteDisabled(s, '127.0.0.1')).toBe(false);
  });
  it('normalises hosts', () => {
    expect(normaliseHost('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(normaliseHost('')).toBeNull();
  });
});
