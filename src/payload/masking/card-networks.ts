/**
 * Which digit strings can be payment card numbers: the Luhn check, and the issuer prefixes and lengths
 * of the networks an agent meets (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro,
 * Mir, RuPay, Troy). A Luhn-valid number outside them (an account number starting with 1 or 9) is not
 * a card number.
 */

/** [lowest prefix, highest prefix, lengths], prefixes of equal digit count. */
type Range = readonly [from: number, to: number, lengths: readonly number[]];

const upTo19 = (min: number) => Array.from({ length: 20 - min }, (_, i) => min + i);

const RANGES: readonly Range[] = [
  [2200, 2204, upTo19(16)], // Mir
  [2221, 2720, [16]], // Mastercard 2-series
  [300, 305, upTo19(14)], // Diners Club
  [3095, 3095, upTo19(14)],
  [34, 34, [15]], // American Express
  [37, 37, [15]],
  [36, 36, upTo19(14)],
  [38, 39, upTo19(14)],
  [3528, 3589, upTo19(16)], // JCB
  [4, 4, [13, 16, 19]], // Visa
  [50, 50, upTo19(13)], // Maestro
  [51, 55, [16]], // Mastercard
  [56, 59, upTo19(13)], // Maestro
  [6, 6, upTo19(13)], // Discover, UnionPay, Maestro, RuPay
  [81, 82, upTo19(16)], // RuPay, UnionPay
  [9792, 9792, [16]], // Troy
];

const masks = new Int32Array(10_000).fill(-1);

/**
 * The lengths a card number starting with these four digits (as a number, `4111`) can have, as a
 * bit mask: bit n is set if n digits fit a network. Computed once per prefix.
 */
export function cardLengths(prefix4: number): number {
  let mask = masks[prefix4]!;
  if (mask === -1) {
    mask = 0;
    for (const [from, to, lengths] of RANGES) {
      const prefix = Math.floor(prefix4 / 10 ** (4 - String(from).length));
      if (prefix >= from && prefix <= to) for (const length of lengths) mask |= 1 << length;
    }
    masks[prefix4] = mask;
  }
  return mask;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Luhn checks of any window of a digit sequence in constant time: prefix sums of the digits and of
 * their doubled values, split by position parity (which digits are doubled depends on the window's end).
 */
export class LuhnWindows {
  readonly #plain: [Int32Array, Int32Array];
  readonly #doubled: [Int32Array, Int32Array];

  constructor(values: ArrayLike<number>) {
    const n = values.length;
    this.#plain = [new Int32Array(n + 1), new Int32Array(n + 1)];
    this.#doubled = [new Int32Array(n + 1), new Int32Array(n + 1)];
    const [plain0, plain1] = this.#plain;
    const [doubled0, doubled1] = this.#doubled;
    for (let k = 0; k < n; k++) {
      const d = values[k]!;
      const twice = d * 2 > 9 ? d * 2 - 9 : d * 2;
      const even = k % 2 === 0;
      plain0[k + 1] = plain0[k]! + (even ? d : 0);
      plain1[k + 1] = plain1[k]! + (even ? 0 : d);
      doubled0[k + 1] = doubled0[k]! + (even ? twice : 0);
      doubled1[k + 1] = doubled1[k]! + (even ? 0 : twice);
    }
  }

  /** Whether digits [start, end) pass the Luhn check. */
  valid(start: number, end: number): boolean {
    const last = (end - 1) % 2;
    const other = 1 - last;
    const sum =
      this.#plain[last]![end]! -
      this.#plain[last]![start]! +
      this.#doubled[other]![end]! -
      this.#doubled[other]![start]!;
    return sum % 10 === 0;
  }
}
