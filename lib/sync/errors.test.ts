import { describe, expect, it } from 'vitest';
import { DatasetError } from '../dataset/parse';
import { SyncError, toSyncError } from './errors';

/** Whatever a sync throws, the options page shows one plain message with a code it can act on. */

const named = (name: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(`${name} happened`), { name, ...fields });

describe('toSyncError', () => {
  it('passes a SyncError through untouched', () => {
    const original = new SyncError('timeout', 'Too slow.', 'https://x.example/d.json');
    expect(toSyncError(original)).toBe(original);
  });

  it('keeps a dataset error\'s code, explains it in plain words, and keeps the field as detail', () => {
    const e = toSyncError(new DatasetError('dangling-reference', 'd.json', 'facts[0].companyId names company "x"', 'facts[0].companyId'));
    expect(e.toInfo()).toEqual({
      code: 'dangling-reference',
      message: 'The dataset refers to something it does not contain.',
      detail: 'd.json: facts[0].companyId names company "x"',
    });
    expect(toSyncError(new DatasetError('version', 'd.json', 'v2')).message).toBe('The dataset was made for a different version of Company Lens.');
    expect(toSyncError(new DatasetError('empty', 'd.json', 'none')).code).toBe('empty');
  });

  it('calls a dataset error with an unknown or missing code a schema error', () => {
    expect(toSyncError(named('DatasetError', { code: 'odd' })).toInfo()).toEqual({ code: 'schema', message: 'The dataset does not have the expected shape.', detail: 'DatasetError happened' });
    expect(toSyncError(named('DatasetError')).code).toBe('schema');
  });

  it('recognises an error wrapped by the store by its inner name', () => {
    const wrapped = Object.assign(new Error('Transaction failed'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(toSyncError(wrapped)).toMatchObject({ code: 'quota', detail: 'Transaction failed' });
    expect(toSyncError(wrapped).message).toMatch(/not enough storage space.*previous dataset was kept/);
  });

  it.each([
    ['empty', 'empty-file'],
    ['binary', 'binary-file'],
    ['encoding', 'binary-file'],
    ['too-large', 'too-large'],
    ['other', 'schema'],
  ])('turns a corpus error coded %s into %s, keeping its own message', (code, expected) => {
    const e = toSyncError(named('CorpusError', { code, message: 'a.txt: line 3: refused' }));
    expect(e.toInfo()).toEqual({ code: expected, message: 'a.txt: line 3: refused' });
  });

  it('keeps a registry error\'s message, which names the file and line', () => {
    expect(toSyncError(named('RegistryError', { message: 'reg.json:2:5: invalid JSON' })).toInfo()).toEqual({ code: 'schema', message: 'reg.json:2:5: invalid JSON' });
  });

  it('calls an abort a cancel, with no detail', () => {
    expect(toSyncError(named('AbortError')).toInfo()).toEqual({ code: 'cancelled', message: 'The sync was cancelled. The previous dataset was kept.' });
  });

  it('reports anything else as internal, reassuring the user and keeping the text', () => {
    expect(toSyncError(new TypeError('x is undefined')).toInfo()).toEqual({
      code: 'internal',
      message: 'Something went wrong while syncing. The previous dataset was kept.',
      detail: 'x is undefined',
    });
    expect(toSyncError('a string').detail).toBe('a string');
    expect(toSyncError(null).detail).toBe('null');
    expect(toSyncError({ name: 42 }).code).toBe('internal');
  });
});

describe('SyncError', () => {
  it('is an Error named SyncError whose info leaves out an empty detail', () => {
    const e = new SyncError('network', 'Could not reach x.example.');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('SyncError');
    expect(e.toInfo()).toEqual({ code: 'network', message: 'Could not reach x.example.' });
    expect(new SyncError('network', 'm', '').toInfo()).not.toHaveProperty('detail');
  });
});
