// The sound's settings as the browser keeps them (client/src/audio/sound.ts): on by
// default on a player's screen, off on the class projector; the sound button steps the
// volume through off, 30 %, 70 %, 100 %; anything malformed in storage is the default.
import { describe, expect, it } from 'vitest';
import { nextVolume, readSoundSettings, volumeLabel } from '../../../client/src/audio/sound.ts';

describe('sound settings', () => {
  it('are on for a player and off on the projector until someone chooses', () => {
    expect(readSoundSettings('play', null).volume).toBeGreaterThan(0);
    expect(readSoundSettings('projector', null).volume).toBe(0);
    expect(readSoundSettings('projector', '{"volume":0.3}').volume).toBe(0.3);
    expect(readSoundSettings('play', '{"volume":0}').volume).toBe(0);
  });

  it('take the default for anything malformed', () => {
    for (const stored of ['', 'nope', '{"volume":5}', '{"volume":"0.3"}', 'null', '[]']) expect(readSoundSettings('play', stored)).toEqual(readSoundSettings('play', null));
  });

  it('step off, 30 %, 70 %, 100 %, off', () => {
    expect([0, 0.3, 0.7, 1].map(nextVolume)).toEqual([0.3, 0.7, 1, 0]);
    expect(volumeLabel(0)).toBe('Sound: off');
    expect(volumeLabel(0.7)).toBe('Sound: 70%');
  });
});
