import { describe, expect, it } from 'vitest';
import { podiumPlaces, revealAt } from '../../../shared/score/podium.ts';

const row = (name: string, rank: number) => ({ name, rank });
const names = (places: { name: string }[][]) => places.map((p) => p.map((r) => r.name));

describe('the podium at the end of a session', () => {
  it('[SC-10] stands the ranks 1 to 3 on their places, from the lowest to the first', () => {
    expect(names(podiumPlaces([row('ada', 1), row('bo', 2), row('cy', 3), row('dee', 4)]))).toEqual([['cy'], ['bo'], ['ada']]);
  });

  it('[SC-10] puts a tie on one place with every name: 1, 1, 3 has two places, the pair on the first', () => {
    expect(names(podiumPlaces([row('ada', 1), row('bo', 1), row('cy', 3), row('dee', 4)]))).toEqual([['cy'], ['ada', 'bo']]);
    expect(names(podiumPlaces([row('ada', 1), row('bo', 2), row('cy', 2), row('dee', 2)]))).toEqual([['bo', 'cy', 'dee'], ['ada']]);
    expect(names(podiumPlaces([row('ada', 1), row('bo', 1), row('cy', 1), row('dee', 1)]))).toEqual([['ada', 'bo', 'cy', 'dee']]);
  });

  it('[SC-10] has no places without ranked rows, and one or two for a small class', () => {
    expect(podiumPlaces([])).toEqual([]);
    expect(names(podiumPlaces([row('ada', 1), row('bo', 2)]))).toEqual([['bo'], ['ada']]);
  });

  it('[SC-10] counts down 3, 2, 1 a second each, then shows a place every two seconds, lowest first', () => {
    const at = (ms: number) => revealAt(ms, 3);
    expect([0, 999, 1000, 2999].map((ms) => at(ms).count)).toEqual([3, 3, 2, 1]);
    expect(at(2999)).toEqual({ stage: 'countdown', count: 1, revealed: 0 });
    expect(at(3000)).toEqual({ stage: 'reveal', count: 0, revealed: 1 });
    expect(at(4999)).toEqual({ stage: 'reveal', count: 0, revealed: 1 });
    expect(at(5000)).toEqual({ stage: 'reveal', count: 0, revealed: 2 });
    expect(at(7000)).toEqual({ stage: 'done', count: 0, revealed: 3 });
    expect(at(60_000)).toEqual({ stage: 'done', count: 0, revealed: 3 });
  });

  it('[SC-10] is done once a podium of one place shows it', () => {
    expect(revealAt(3000, 1)).toEqual({ stage: 'done', count: 0, revealed: 1 });
    expect(revealAt(0, 0)).toEqual({ stage: 'done', count: 0, revealed: 0 });
  });
});
