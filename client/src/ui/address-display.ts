// The player's choice of how addresses read — decimal or hex — kept in this browser and
// applied to every view's address words (views/format.ts formatAddress).

import { setHexAddresses, showsHexAddresses } from '../views/format.ts';

const KEY = 'mallocade.hexAddresses';

/** Applies the choice kept in the browser (decimal when none). */
export function loadAddressDisplay(): boolean {
  let hex = false;
  try {
    hex = window.localStorage.getItem(KEY) === 'true';
  } catch {
    // no storage (private mode): decimal
  }
  setHexAddresses(hex);
  return hex;
}

/** Switches between decimal and hex and keeps the choice; returns whether addresses are now hex. */
export function toggleAddressDisplay(): boolean {
  const hex = !showsHexAddresses();
  setHexAddresses(hex);
  try {
    window.localStorage.setItem(KEY, String(hex));
  } catch {
    // the choice lasts for this page only
  }
  return hex;
}
