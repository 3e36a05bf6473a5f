// The colour-blind-safe palette (Okabe-Ito) and the UI's neutral tones, in one place.

export const OKABE_ITO = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7] as const;

export const UI = {
  background: 0x14161c,
  panel: 0x1f232d,
  free: 0x2b303c,
  freeEdge: 0x4a5163,
  text: '#e8eaf0',
  dim: '#9aa1b2',
  good: '#56b4e9',
  bad: '#e69f00',
} as const;

export function blockColour(id: number): number {
  return OKABE_ITO[id % OKABE_ITO.length] ?? OKABE_ITO[0];
}
