// The private student identifier a class may ask for at join ([CLASS-SID-*]): what the
// host asks for (nothing, a student ID or an e-mail address), and the identifier as
// stored, cleaned and checked the same way by the server (which decides) and the join
// form (which asks). Only the host ever sees it; the gradebook exports it.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { cleanNickname } from './nickname.ts';

export const STUDENT_ID_MODES = ['none', 'id', 'email'] as const;
/** What a class asks for at join: nothing, a student ID, or an e-mail address. */
export type StudentIdMode = (typeof STUDENT_ID_MODES)[number];

/** The longest identifier (an e-mail address may be long; a student ID is short). */
export const MAX_STUDENT_ID = 100;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the join form calls the field. */
export function studentIdLabel(mode: StudentIdMode): string {
  return mode === 'email' ? 'E-mail' : 'Student ID';
}

/**
 * [CLASS-SID-1] [CLASS-SID-2] The identifier a new student gives, as stored: cleaned as a
 * nickname is (NFKC, no invisible characters, spaces collapsed), at most MAX_STUDENT_ID
 * characters; an e-mail address must look like one. A class that asks for nothing stores ''.
 */
export function checkStudentId(raw: string | undefined, mode: StudentIdMode): Outcome<string, 'student_id/required' | 'student_id/invalid'> {
  if (mode === 'none') return succeed('');
  const what = mode === 'email' ? 'your e-mail address' : 'your student ID';
  const id = cleanNickname(raw ?? '');
  if (id === '') return refuse('student_id/required', `this class asks for ${what}`);
  if ([...id].length > MAX_STUDENT_ID) return refuse('student_id/invalid', `${what} may be at most ${MAX_STUDENT_ID} characters`);
  if (mode === 'email' && !EMAIL.test(id)) return refuse('student_id/invalid', `"${id}" does not look like an e-mail address`);
  return succeed(id);
}
