// Where students' phones reach this server: the base of the join link and the QR code.
// PUBLIC_URL when the deployment sets it; otherwise the address the host's browser used,
// unless that is a loopback name (localhost, 127.0.0.1, [::1]) that means nothing on a
// phone — then this machine's LAN address on the same port.

import os from 'node:os';

/** One address of this machine, as `os.networkInterfaces()` lists it. */
export interface InterfaceAddress {
  readonly address: string;
  readonly family: string | number;
  readonly internal: boolean;
}

/** This machine's IPv4 addresses other phones on the network can reach (no loopback, no link-local). */
export function lanAddresses(interfaces: Readonly<Record<string, readonly InterfaceAddress[] | undefined>> = os.networkInterfaces()): string[] {
  const found: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      const v4 = a.family === 'IPv4' || a.family === 4;
      if (v4 && !a.internal && !a.address.startsWith('169.254.')) found.push(a.address);
    }
  }
  return found;
}

/** PUBLIC_URL without a trailing slash, or a clear error when it is not an http(s) address. */
export function publicUrlFrom(value: string | undefined): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL must be an address such as https://mallocade.example.edu, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must start with http:// or https://, not ${JSON.stringify(value)}`);
  return url.href.replace(/\/+$/, '');
}

function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\./.test(h) || h === '0.0.0.0';
}

export interface JoinBaseInput {
  /** PUBLIC_URL, already checked (publicUrlFrom). */
  readonly publicUrl: string | null;
  /** The Host header of the host's request, e.g. "localhost:2567". */
  readonly host: string | undefined;
  /** "http" or "https", as the request came. */
  readonly protocol: string;
  /** This machine's LAN addresses (lanAddresses). */
  readonly lan: readonly string[];
  /** The port the server listens on (used with a LAN address). */
  readonly port: number;
}

/** The base address of the join link: see the header. */
export function joinBase(input: JoinBaseInput): string {
  if (input.publicUrl) return input.publicUrl;
  const host = input.host ?? `localhost:${input.port}`;
  const parsed = URL.canParse(`${input.protocol}://${host}`) ? new URL(`${input.protocol}://${host}`) : null;
  if (parsed && !isLoopbackHost(parsed.hostname)) return parsed.origin;
  const lan = input.lan[0];
  const port = parsed?.port || String(input.port);
  return lan ? `http://${lan}:${port}` : (parsed?.origin ?? `http://localhost:${input.port}`);
}

/** The join link for a class code under `base`. */
export function joinUrl(base: string, code: string): string {
  return `${base}/?join=${encodeURIComponent(code)}`;
}
