// The join link and QR code work from a phone (issue #12, item 16): PUBLIC_URL when set,
// else the host's own address unless it is a loopback name, then the LAN address.

import { describe, expect, it } from 'vitest';
import { joinBase, joinUrl, lanAddresses, publicUrlFrom } from '../../server/net/join-url.ts';

const lan = ['192.168.1.20'];

describe('the join link', () => {
  it('opened at localhost (as the README says), points phones at the machine\'s LAN address on the same port', () => {
    for (const host of ['localhost:2567', '127.0.0.1:2567', '[::1]:2567']) {
      expect(joinBase({ publicUrl: null, host, protocol: 'http', lan, port: 2567 }), host).toBe('http://192.168.1.20:2567');
    }
    expect(joinUrl('http://192.168.1.20:2567', 'K7TQ3M')).toBe('http://192.168.1.20:2567/?join=K7TQ3M');
  });

  it('opened at an address phones can reach, keeps it', () => {
    expect(joinBase({ publicUrl: null, host: '192.168.1.20:2567', protocol: 'http', lan, port: 2567 })).toBe('http://192.168.1.20:2567');
    expect(joinBase({ publicUrl: null, host: 'mallocade.example.edu', protocol: 'https', lan, port: 2567 })).toBe('https://mallocade.example.edu');
  });

  it('uses PUBLIC_URL whenever it is set', () => {
    const publicUrl = publicUrlFrom('https://games.example.edu/mallocade/');
    expect(publicUrl).toBe('https://games.example.edu/mallocade');
    expect(joinBase({ publicUrl, host: 'localhost:2567', protocol: 'http', lan, port: 2567 })).toBe('https://games.example.edu/mallocade');
    expect(() => publicUrlFrom('ftp://x')).toThrow(/PUBLIC_URL/);
    expect(() => publicUrlFrom('not an address')).toThrow(/PUBLIC_URL/);
  });

  it('falls back to localhost when the machine has no network', () => {
    expect(joinBase({ publicUrl: null, host: 'localhost:2567', protocol: 'http', lan: [], port: 2567 })).toBe('http://localhost:2567');
  });

  it('lists IPv4 LAN addresses only (no loopback, no IPv6, no link-local)', () => {
    expect(lanAddresses({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [{ address: '10.1.2.3', family: 'IPv4', internal: false }, { address: 'fe80::1', family: 'IPv6', internal: false }],
      wlan0: [{ address: '169.254.3.3', family: 4, internal: false }, { address: '192.168.0.9', family: 4, internal: false }],
    })).toEqual(['10.1.2.3', '192.168.0.9']);
  });
});
