// Who a round's words are about ([SC-11]): the player reading their own results ("made
// for you", "Your heap") or someone watching them, the host, who reads them about the
// student by nickname ("made for Ada", "Ada's heap"). The score's terms, the debrief and
// the results screen take these forms from here, so no screen keeps its own copy.

/** The forms of the player's name a sentence about their round needs. */
export interface PlayerWords {
  /** As a subject or an object: "you", "Ada". */
  readonly name: string;
  /** Opening a sentence: "You", "Ada". */
  readonly Name: string;
  /** Whose: "your", "Ada's". */
  readonly possessive: string;
  /** Whose, opening a sentence: "Your", "Ada's". */
  readonly Possessive: string;
  /** The verb "to be" agreeing with the name: "are", "is". */
  readonly are: string;
}

const SECOND_PERSON: PlayerWords = { name: 'you', Name: 'You', possessive: 'your', Possessive: 'Your', are: 'are' };

/**
 * [SC-11] The words for who played: with no nickname, the reader themself (second person);
 * with one, that student seen by someone else (third person, the nickname as it was typed).
 */
export function playerWords(nickname?: string): PlayerWords {
  if (nickname === undefined || nickname.trim() === '') return SECOND_PERSON;
  const possessive = `${nickname}'s`;
  return { name: nickname, Name: nickname, possessive, Possessive: possessive, are: 'is' };
}
