// Short sound effects for what happens in a round — a block placed, a block freed,
// holes merging, a malloc failing, stars won — synthesised with WebAudio (no files to
// download). Whether sound is on and how loud is kept in the browser (localStorage), per
// place: the play screen's sound is on by default, the class projector's off. Scenes play
// a sound by name; the play scene subscribes it to its events (play/play-events.ts).

import { reportDrawn } from '../test-hook.ts';

export type SoundName = 'place' | 'free' | 'merge' | 'failure' | 'stars';

/** Where sound is heard: a player's screen, or the class projector (off unless someone turns it on). */
export type SoundPlace = 'play' | 'projector';

export interface SoundSettings {
  /** 0 is off; otherwise one of VOLUME_STEPS. */
  readonly volume: number;
}

/** The volumes the sound button steps through, off first. */
export const VOLUME_STEPS = [0, 0.3, 0.7, 1] as const;

const DEFAULTS: Readonly<Record<SoundPlace, SoundSettings>> = { play: { volume: 0.7 }, projector: { volume: 0 } };

const storageKey = (place: SoundPlace): string => `mallocade.sound.${place}`;

/** The settings kept for `place` (in `stored`, the storage's text or null), or the place's default; anything malformed is the default. */
export function readSoundSettings(place: SoundPlace, stored: string | null): SoundSettings {
  if (stored === null) return DEFAULTS[place];
  try {
    const parsed = JSON.parse(stored) as { volume?: unknown };
    const volume = parsed?.volume;
    return typeof volume === 'number' && (VOLUME_STEPS as readonly number[]).includes(volume) ? { volume } : DEFAULTS[place];
  } catch {
    return DEFAULTS[place];
  }
}

/** The next volume step after `volume` (after the loudest: off). */
export function nextVolume(volume: number): number {
  const at = (VOLUME_STEPS as readonly number[]).indexOf(volume);
  return VOLUME_STEPS[(at + 1) % VOLUME_STEPS.length] ?? 0;
}

/** "Sound: off", "Sound: 70%". */
export function volumeLabel(volume: number): string {
  return volume === 0 ? 'Sound: off' : `Sound: ${Math.round(volume * 100)}%`;
}

/** One tone: frequency from→to over `ms`, starting `at` ms in. */
interface Tone {
  readonly wave: OscillatorType;
  readonly from: number;
  readonly to: number;
  readonly ms: number;
  readonly at?: number;
  readonly gain?: number;
}

const TONES: Readonly<Record<SoundName, readonly Tone[]>> = {
  place: [{ wave: 'sine', from: 660, to: 880, ms: 90 }],
  free: [{ wave: 'triangle', from: 520, to: 260, ms: 140 }],
  merge: [{ wave: 'sine', from: 440, to: 440, ms: 160 }, { wave: 'sine', from: 660, to: 660, ms: 160, at: 60 }],
  failure: [{ wave: 'square', from: 180, to: 110, ms: 320, gain: 0.35 }],
  stars: [660, 880, 1100].map((f, i) => ({ wave: 'triangle' as const, from: f, to: f, ms: 110, at: i * 100 })),
};

/** The sound for an event of the play screen (play/play-events.ts), by its type. */
export function soundOfEvent(event: { readonly type: string; readonly placed?: boolean }): SoundName | null {
  switch (event.type) {
    case 'placed':
      return 'place';
    case 'freed':
      return 'free';
    case 'merged':
      return 'merge';
    case 'failed':
      return 'failure';
    case 'timeout':
      return event.placed ? null : 'failure';
    default:
      return null;
  }
}

function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export class Sound {
  private static readonly byPlace = new Map<SoundPlace, Sound>();
  private readonly place: SoundPlace;
  private settings: SoundSettings;
  private context: AudioContext | null = null;
  private played = 0;
  /** When each sound last started (a change that frees three blocks plays "free" once). */
  private readonly lastStart = new Map<SoundName, number>();

  private constructor(place: SoundPlace) {
    this.place = place;
    this.settings = readSoundSettings(place, localStore()?.getItem(storageKey(place)) ?? null);
  }

  /** The sound of `place` (one per page). */
  static of(place: SoundPlace): Sound {
    let sound = Sound.byPlace.get(place);
    if (!sound) Sound.byPlace.set(place, (sound = new Sound(place)));
    return sound;
  }

  get volume(): number {
    return this.settings.volume;
  }

  /** Steps the volume (off, 30%, 70%, 100%, off…) and keeps it in the browser; returns the new volume. */
  stepVolume(): number {
    return this.setVolume(nextVolume(this.settings.volume));
  }

  /** Sets the volume to one of VOLUME_STEPS (anything else changes nothing) and keeps it in the browser; returns the volume now. */
  setVolume(volume: number): number {
    if (!(VOLUME_STEPS as readonly number[]).includes(volume)) return this.settings.volume;
    this.settings = { volume };
    localStore()?.setItem(storageKey(this.place), JSON.stringify(this.settings));
    this.report(null);
    return this.settings.volume;
  }

  /** Plays `name` now, unless sound is off (or the browser has no WebAudio). */
  play(name: SoundName): void {
    if (this.settings.volume === 0) return this.report(null);
    const context = this.audio();
    if (!context) return;
    if (context.state === 'suspended') void context.resume();
    if (context.currentTime - (this.lastStart.get(name) ?? -1) < 0.06) return;
    this.lastStart.set(name, context.currentTime);
    for (const tone of TONES[name]) this.tone(context, tone);
    this.played++;
    this.report(name);
  }

  private audio(): AudioContext | null {
    if (this.context) return this.context;
    if (typeof AudioContext === 'undefined') return null;
    this.context = new AudioContext();
    return this.context;
  }

  private tone(context: AudioContext, tone: Tone): void {
    const start = context.currentTime + (tone.at ?? 0) / 1000;
    const end = start + tone.ms / 1000;
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = tone.wave;
    osc.frequency.setValueAtTime(tone.from, start);
    osc.frequency.linearRampToValueAtTime(tone.to, end);
    // A quick attack and an exponential fade: no clicks.
    const peak = 0.25 * (tone.gain ?? 1) * this.settings.volume;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(Math.max(0.0002, peak), start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, end);
    osc.connect(gain).connect(context.destination);
    osc.start(start);
    osc.stop(end + 0.02);
  }

  private report(last: SoundName | null): void {
    reportDrawn(`Sound.${this.place}`, { volume: this.settings.volume, played: this.played, ...(last ? { last } : {}) });
  }
}
