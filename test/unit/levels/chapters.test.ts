// The curriculum's chapters ([LV-CHAPTER-1]): every level in exactly one, each chapter a
// run of consecutive levels, in the levels' order.
import { describe, expect, it } from 'vitest';
import { CHAPTERS, chapterIndexOf, chapterOfEachLevel } from '../../../shared/levels/chapters.ts';
import { LEVELS } from '../../../shared/levels/levels.ts';

describe('the curriculum\'s chapters', () => {
  it('[LV-CHAPTER-1] puts every level in exactly one chapter, and names only levels that exist', () => {
    const ids = LEVELS.map((l) => l.id);
    for (const id of ids) {
      expect(CHAPTERS.filter((c) => c.levels.includes(id)).length, id).toBe(1);
    }
    for (const chapter of CHAPTERS) {
      expect(chapter.levels.length, chapter.title).toBeGreaterThan(0);
      for (const id of chapter.levels) expect(ids, `${chapter.title} names ${id}`).toContain(id);
    }
  });

  it('[LV-CHAPTER-1] holds consecutive levels, chapter after chapter in the levels\' order', () => {
    expect(CHAPTERS.flatMap((c) => c.levels)).toEqual(LEVELS.map((l) => l.id));
    const each = chapterOfEachLevel();
    expect(each).toEqual([...each].sort((a, b) => a - b));
    expect(each[0]).toBe(0);
    expect(each[each.length - 1]).toBe(CHAPTERS.length - 1);
  });

  it('[LV-CHAPTER-1] has distinct titles short enough for a phone\'s level map', () => {
    expect(new Set(CHAPTERS.map((c) => c.title)).size).toBe(CHAPTERS.length);
    for (const chapter of CHAPTERS) expect(chapter.title.length, chapter.title).toBeLessThanOrEqual(24);
  });

  it('[LV-CHAPTER-1] finds a level\'s chapter by id; an unknown id is in none', () => {
    expect(CHAPTERS[chapterIndexOf('first-fit')]?.title).toBe('Placement policies');
    expect(CHAPTERS[chapterIndexOf('adaptive-boss')]?.title).toBe('The OS & real programs');
    expect(chapterIndexOf('nope')).toBe(-1);
  });
});
