import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/seed/accounts.js';
import { passwordProblems } from './password-policy.js';

describe('password policy', () => {
  it('accepts ten characters of three classes, and long passphrases of any class', () => {
    expect(passwordProblems('Kh0ng-doan-duoc', 'a@b.vn')).toEqual([]);
    expect(passwordProblems('Tr4m-Ng4n', 'a@b.vn')).toEqual(['too_short']);
    expect(passwordProblems('dong song xanh chay mai', 'a@b.vn')).toEqual([]);
    expect(passwordProblems('Nước chảy đá mòn mãi', 'a@b.vn')).toEqual([]);
    expect(passwordProblems('test-password-1')).toEqual([]);
  });

  it('the demo password meets it', () => {
    expect(passwordProblems(DEMO_PASSWORD, 'chair@hanoi.steerboard.vn')).toEqual([]);
    expect(passwordProblems('Demo@2025')).toContain('too_short');
  });

  it('refuses too short, too few classes, too long', () => {
    expect(passwordProblems('Ab1!')).toContain('too_short');
    expect(passwordProblems('abcdefghijkl')).toContain('classes');
    expect(passwordProblems('abcdefghij12')).toContain('classes');
    // Sixteen characters in one word is not a passphrase.
    expect(passwordProblems('abcdefghijklmnopq')).toContain('classes');
    expect(passwordProblems('Aa1!'.repeat(60))).toContain('too_long');
  });

  it('refuses the e-mail and its name part', () => {
    expect(passwordProblems('Nguyen.van.a@x.vn', 'nguyen.van.a@x.vn')).toContain('contains_email');
    expect(passwordProblems('Xx-nguyenvana-9', 'nguyenvana@x.vn')).toContain('contains_email');
    expect(passwordProblems('Xx-anh-2025!', 'anh@x.vn')).not.toContain('contains_email');
  });

  it('refuses common passwords, even dressed up', () => {
    for (const p of [
      'Password123!',
      'P@ssw0rd2025',
      'Matkhau@123',
      '@Steerboard2025',
      'Qwertyuiop1!',
      'Aaaaaaaaaa1!',
    ])
      expect(passwordProblems(p), p).toContain('common');
    expect(passwordProblems('Hoan-Kiem-2026')).not.toContain('common');
  });
});
