import { describe, expect, it } from 'vitest';
import { checkStudentId } from '../../../shared/classroom/student-id.ts';

describe('private student identifiers (CLASS-SID)', () => {
  it('[CLASS-SID-1] asks for nothing by default, and requires one when the class asks', () => {
    expect(checkStudentId(undefined, 'none')).toEqual({ ok: true, value: '' });
    expect(checkStudentId('s123', 'none')).toEqual({ ok: true, value: '' });
    expect(checkStudentId(undefined, 'id')).toMatchObject({ ok: false, code: 'student_id/required', message: 'this class asks for your student ID' });
    expect(checkStudentId(' \u200b ', 'email')).toMatchObject({ ok: false, code: 'student_id/required', message: 'this class asks for your e-mail address' });
  });

  it('[CLASS-SID-2] stores the identifier cleaned, at most 100 characters; an e-mail must look like one', () => {
    expect(checkStudentId('  ＳＴ-00\u200b42  ', 'id')).toEqual({ ok: true, value: 'ST-0042' });
    expect(checkStudentId('x'.repeat(101), 'id')).toMatchObject({ ok: false, code: 'student_id/invalid' });
    expect(checkStudentId('ada@uni.example', 'email')).toEqual({ ok: true, value: 'ada@uni.example' });
    expect(checkStudentId('ada at uni', 'email')).toMatchObject({ ok: false, code: 'student_id/invalid' });
  });
});
