// Where a host's key is kept in the browser, per class code: sessionStorage (so a
// reload of `/?host=CODE` comes back as host) and localStorage (so the projector
// view opened in another tab of the same browser finds it). The key never leaves
// the browser except to the game server.

export interface HostSecret {
  readonly code: string;
  readonly hostKey: string;
}

function storageKey(code: string): string {
  return `mallocade:host:${code.toUpperCase()}`;
}

function stores(): Storage[] {
  const found: Storage[] = [];
  try {
    found.push(window.sessionStorage, window.localStorage);
  } catch {
    // storage is switched off: the host can still run the class from this tab
  }
  return found;
}

export function saveHostKey(secret: HostSecret): void {
  for (const store of stores()) {
    try {
      store.setItem(storageKey(secret.code), secret.hostKey);
    } catch {
      // full or private: the key still lives in this tab's memory
    }
  }
}

/** The key this browser holds for a class, or null when it did not create it. */
export function loadHostKey(code: string): string | null {
  for (const store of stores()) {
    const key = store.getItem(storageKey(code));
    if (key) return key;
  }
  return null;
}

/** Codes are shown and typed in capitals, without spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
