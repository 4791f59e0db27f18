/**
 * A CUSIP's check digit (the ninth character) for its first eight: the standard's "double add
 * double" over the characters' values (digits 0-9, letters 10-35), every second one doubled.
 * Example: cusipCheckDigit('037833AK') = '6' (037833AK6).
 */
export function cusipCheckDigit(base: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = base.charCodeAt(i);
    let v = c >= 48 && c <= 57 ? c - 48 : c - 55;
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return String((10 - (sum % 10)) % 10);
}
