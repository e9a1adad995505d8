/**
 * The product's password policy, one pure function used wherever a password is set (the API,
 * the invitation and reset pages, the command line) and by the web form for its live hints.
 *
 * - at least 10 characters (at most 200);
 * - at least three of: lower case, upper case, digit, other sign — unless it is a passphrase:
 *   16 characters or more made of at least three words;
 * - not the e-mail, nor its name part (before @, when 4 characters or more);
 * - not one of the common passwords below, even dressed up (P@ssw0rd2025!, Matkhau123).
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PASSPHRASE_MIN = 16;

export type PasswordProblem = 'too_short' | 'too_long' | 'classes' | 'contains_email' | 'common';

/**
 * Short and local on purpose: the passwords people here try first (English and Vietnamese ones,
 * keyboard rows, the product's own name). Compared after the dressing is stripped.
 */
const COMMON = new Set(
  [
    'password',
    'passw',
    'passwd',
    'pass',
    'qwerty',
    'qwertyuiop',
    'asdfgh',
    'asdfghjkl',
    'zxcvbnm',
    'abc',
    'abcd',
    'abcdef',
    'abcdefgh',
    'abcdefghij',
    'iloveyou',
    'admin',
    'administrator',
    'welcome',
    'letmein',
    'monkey',
    'dragon',
    'sunshine',
    'princess',
    'football',
    'baseball',
    'master',
    'login',
    'secret',
    'changeme',
    'default',
    'test',
    'testing',
    'guest',
    'user',
    'root',
    'matkhau',
    'matkhaumoi',
    'anhyeuem',
    'emyeuanh',
    'vietnam',
    'hanoi',
    'saigon',
    'hochiminh',
    'nghean',
    'danang',
    'steerboard',
    'demo',
    'ubnd',
    'sotaichinh',
    'congan',
    'chuyendoiso',
  ].map((w) => w.toLowerCase()),
);

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
};

/** Lower case, without what people add around a word (digits, signs) and with leet undone. */
function bare(password: string): string {
  const stripped = password
    .toLowerCase()
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[^\p{L}]+$/u, '');
  return [...stripped]
    .map((c) => LEET[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z]/g, '');
}

const words = (s: string) => s.split(/[\s\-_.,;:]+/).filter((w) => w.length >= 2);

/** What is wrong with a password (empty when it is good enough). */
export function passwordProblems(password: string, email?: string | null): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) out.push('too_short');
  if (length > PASSWORD_MAX) out.push('too_long');
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\d/, /[^\p{L}\d]/u].filter((r) => r.test(password)).length;
  const passphrase = length >= PASSPHRASE_MIN && words(password).length >= 3;
  if (classes < 3 && !passphrase) out.push('classes');
  if (email) {
    const lower = password.toLowerCase();
    const e = email.trim().toLowerCase();
    const local = e.split('@')[0] ?? '';
    if (lower.includes(e) || (local.length >= 4 && lower.includes(local))) out.push('contains_email');
  }
  const b = bare(password);
  // A common word, one or two characters repeated (around its dressing), or a run like 1234567890.
  const digitsOnly = /^\d+$/.test(password);
  const oneChar = new Set(password.toLowerCase()).size <= 2 || (b.length >= 4 && new Set(b).size <= 2);
  if (COMMON.has(b) || oneChar || (digitsOnly && '01234567890123456789'.includes(password)))
    out.push('common');
  return out;
}

export const passwordIsAcceptable = (password: string, email?: string | null) =>
  passwordProblems(password, email).length === 0;
