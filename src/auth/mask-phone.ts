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

// A mainland mobile number inside free text: 1[3-9] and nine more digits, optionally after +86,
// written whole or grouped with spaces or dashes (139 1234 5678, 139-1234-5678). Not part of a
// longer run of digits (an order number stays as it is); letters around it do not save it: masking
// a stretch of a VIN in a note costs nothing, showing a number would.
const MOBILE_IN_TEXT = /(?<![\d+])(?:\+?86[ \t\u00a0\u3000-]?)?1[3-9](?:[ \t\u00a0\u3000-]?\d){9}(?!\d)/g;

/**
 * Masks every mobile number written inside a text the way the customer's own number is masked
 * (139****5678): staff write "her husband: 13912345678" into a personal note, and the note is
 * shown, exported and read out as widely as the customer record. No role sees the number
 * unmasked through Retain; the phone reveal (audited) is the path to the customer's own number.
 */
export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (number) => maskPhone(number)!);
}
