// The rounds the rooms start: the catalogue lives in shared/levels/rounds.ts (game
// content is shared, so the host's round picker reads the same list).

export { BUDDY_PEAKS_ID, ROUND_CHOICES, WARM_UP_ID, resolveRound, type RoundChoice } from '../../shared/levels/rounds.ts';
