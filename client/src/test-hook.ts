// A read-only window onto what the scenes last drew, for the browser tests
// (canvas pixels are hard to assert on). Nothing reads it back into the game.

/** What a view says about its last draw: how often it drew, plus a few facts of its own. */
export interface ViewReport {
  readonly draws: number;
  readonly [fact: string]: unknown;
}

export interface MallocadeHook {
  view: unknown;
  /** One entry per view class that drew, by name. */
  views?: Record<string, ViewReport>;
  /** Whatever the gallery scene publishes (its page, the texts on screen, input seen). */
  gallery?: unknown;
}

declare global {
  interface Window {
    mallocade?: MallocadeHook;
  }
}

function hook(): MallocadeHook {
  window.mallocade ??= { view: null };
  return window.mallocade;
}

export function publishForTests(view: unknown): void {
  hook().view = view;
}

/** Called by a view at the end of each draw. */
export function reportDrawn(name: string, facts: Record<string, unknown> = {}): void {
  const h = hook();
  h.views ??= {};
  const draws = (h.views[name]?.draws ?? 0) + 1;
  h.views[name] = { ...facts, draws };
}

export function publishGallery(state: unknown): void {
  hook().gallery = state;
}
