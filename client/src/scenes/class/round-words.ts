// A round as the dashboard's dialogs list it (the round picker, the lesson plans): its
// title, its description and its line (kind, requests, length), as DOM elements.

import { COLOURS, el } from '../../ui/DomDialog.ts';
import { roundLine, type ListedRoundLike } from './round-catalogue.ts';

/** A round's title, description and line, as the picker lists it. */
export function roundWords(round: ListedRoundLike): HTMLElement[] {
  const words = [el('strong', { display: 'block' }, round.title)];
  if (round.description) words.push(el('span', { display: 'block', color: COLOURS.dim, fontSize: '14px' }, round.description));
  words.push(el('span', { display: 'block', color: COLOURS.dim, fontSize: '14px' }, roundLine(round)));
  return words;
}
