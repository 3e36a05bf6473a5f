// The 3-2-1 before a class round's clocks run ([MATCH-TIME-6]): how long it lasts and
// what it shows with some time left, so the server, the students' screens and the
// projector agree. (A practice round's count is the screen's own: [MATCH-TIME-4].)

/** How long a class round counts in before its clocks run. */
export const COUNT_IN_MS = 3000;

/** The word the count shows with `msLeft` of it to go: '3', '2', '1', or null once it is over. */
export function countInWord(msLeft: number): '3' | '2' | '1' | null {
  if (!(msLeft > 0)) return null;
  const seconds = Math.min(3, Math.ceil(msLeft / 1000));
  return seconds >= 3 ? '3' : seconds === 2 ? '2' : '1';
}
