import { badInput } from '../../errors';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits (GB 11643-1999, ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates an 18-character resident ID number: 17 digits, a valid birth date in digits 7–14, and
 * the check character. Returns it normalised (upper-case X). Throws BAD_USER_INPUT naming the fault.
 */
export function normaliseIdNumberOrThrow(raw: string, field = 'idNumber'): string {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) throw badInput(field, 'idNumber.format');
  const birth = birthDateOf(id);
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth || date > new Date()) {
    throw badInput(field, 'idNumber.birthDate', { idNumber: maskIdNumber(id) });
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) {
    throw badInput(field, 'idNumber.checkDigit', { idNumber: maskIdNumber(id) });
  }
  return id;
}

/** Birth date (YYYY-MM-DD) carried in digits 7–14: not stored separately, so it cannot disagree. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Sex carried in digit 17: odd male, even female. */
export function sexOf(id: string): 'MALE' | 'FEMALE' {
  return Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/** Age in whole years on `on`. */
export function ageOn(id: string, on: Date = new Date()): number {
  const birth = birthDateOf(id);
  const [y, m, d] = birth.split('-').map(Number);
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age -= 1;
  return age;
}

/** `110101**********1234` → first four and last four visible. */
export function maskIdNumber(id: string): string {
  return id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** `张三丰` → `张*丰`, `张三` → `张*`: the public-notice form of a name (D§12). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskPhone(phone: string): string {
  return phone.length <= 4 ? '****' : `${phone.slice(0, 3)}${'*'.repeat(Math.max(phone.length - 7, 1))}${phone.slice(-4)}`;
}

export function maskBankAccount(account: string): string {
  return `****${account.slice(-4)}`;
}
