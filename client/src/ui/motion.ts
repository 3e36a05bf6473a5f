// Whether the player asked their system for less motion: animations then show their
// end state at once (`prefers-reduced-motion: reduce`).

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
