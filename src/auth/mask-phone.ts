/**
 * Masks a phone number for display: the first 3 and last 4 digits stay (138****1234), the way
 * Chinese service centers show numbers; anything shorter keeps only its last 2 digits.
 * Separators and a +86 prefix are dropped first so the same number always masks the same way.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone.trim() === '') return null;
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length >= 8) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}
