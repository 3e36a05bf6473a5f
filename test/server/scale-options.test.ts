// One process or a cluster node (server/cluster/scale-options.ts): off without
// REDIS_URL; with it, the public address the SDK's seat reservation carries.

import { describe, expect, it } from 'vitest';
import { publicAddressFrom, scaleOptionsFromEnv } from '../../server/cluster/scale-options.ts';

describe('scale options', () => {
  it('leaves a process on its own (in-memory presence and driver, no public address) when REDIS_URL is unset or blank', () => {
    expect(scaleOptionsFromEnv({})).toEqual({});
    expect(scaleOptionsFromEnv({ REDIS_URL: '  ', PUBLIC_ADDRESS: 'example.edu/1' })).toEqual({});
  });

  it('takes PUBLIC_ADDRESS as given (a proxy path included), without a trailing slash', () => {
    expect(publicAddressFrom({ PUBLIC_ADDRESS: 'mallocade.example.edu/2568/', PORT: '2568' }, ['10.0.0.7'])).toBe('mallocade.example.edu/2568');
    expect(publicAddressFrom({ PUBLIC_ADDRESS: '127.0.0.1:2601' }, [])).toBe('127.0.0.1:2601');
  });

  it('refuses a PUBLIC_ADDRESS with a scheme (the SDK puts ws:// or wss:// in front itself)', () => {
    expect(() => publicAddressFrom({ PUBLIC_ADDRESS: 'https://mallocade.example.edu' }, [])).toThrow(/without a scheme/);
  });

  it('defaults to the first network address and PORT, else localhost and 2567', () => {
    expect(publicAddressFrom({ PORT: '2570' }, ['10.0.0.7', '192.168.1.4'])).toBe('10.0.0.7:2570');
    expect(publicAddressFrom({}, [])).toBe('localhost:2567');
  });
});
