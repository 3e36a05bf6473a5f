// How the views write numbers: byte counts, percentages, ratios, and "nice" axis
// ticks. Short forms, so labels fit inside blocks and meters.

const UNITS = ['B', 'KiB', 'MiB', 'GiB'] as const;

/** 12 -> "12 B", 1536 -> "1.5 KiB", 65536 -> "64 KiB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** The same without the space and with one-letter units, for tight spots: "12B", "64K". */
export function formatBytesShort(bytes: number): string {
  return formatBytes(bytes).replace(' ', '').replace('KiB', 'K').replace('MiB', 'M').replace('GiB', 'G');
}

/** 0.5 -> "50%". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** 0.523 -> "0.52". */
export function formatRatio(ratio: number): string {
  return ratio.toFixed(2);
}

/** The smallest 1, 2 or 5 times a power of ten that is >= x (x > 0). */
export function niceStep(x: number): number {
  if (x <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}

/** The smallest power of two >= x, for addresses (x > 0). */
export function powerOfTwoAtLeast(x: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, x)));
}

/**
 * Evenly spaced round values from 0 up to the first one >= max, about `count` steps:
 * steps of 1, 2 or 5 times a power of ten, or (for bytes) a power of two.
 */
export function niceTicks(max: number, count: number, binary = false): number[] {
  const raw = Math.max(max, 1e-9) / Math.max(1, count);
  const step = binary && raw >= 1 ? powerOfTwoAtLeast(raw) : niceStep(raw);
  const ticks: number[] = [];
  const last = Math.ceil(max / step - 1e-9) * step;
  for (let i = 0; i * step <= last + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Whether addresses are written in hex (the player's choice, client/src/ui/address-display.ts). */
let hexAddresses = false;

export function setHexAddresses(on: boolean): void {
  hexAddresses = on;
}

export function showsHexAddresses(): boolean {
  return hexAddresses;
}

/** An address as the player chose to read them: 40 -> "40", or "0x28" in hex. */
export function formatAddress(address: number): string {
  return hexAddresses ? `0x${address.toString(16)}` : String(address);
}
