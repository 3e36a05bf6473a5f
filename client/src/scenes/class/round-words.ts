// A round as the dashboard's dialogs list it (the round picker, the lesson plans): its
// title, its description and its line (kind, requests, length), as DOM elements.

import { COLOURS, el } from '../../ui/DomDialog.ts';
import { roundLine, type ListedRoundLike } from './round-catalogue.ts';
import { htmlPx } from '../../ui/html-text.ts';

/** A round's title, description and line, as the picker lists it. */
export function roundWords(round: ListedRoundLike): HTMLElement[] {
  const words = [el('strong', { display: 'block' }, round.title)];
  if (round.description) words.push(el('span', { display: 'block', color: COLOURS.dim, fontSize: htmlPx(14) }, round.description));
  words.push(el('span', { display: 'block', color: COLOURS.dim, fontSize: htmlPx(14) }, roundLine(round)));
  return words;
}
