/**
 * CRC-32 (IEEE) of two byte runs joined, from the CRC of each and the length of the second: zlib's crc32_combine,
 * which Node's zlib does not expose. It lets a part's opening be written last (a sheet's <dimension> is known only
 * once its rows are written) without keeping the rest of the part to hash again.
 *
 * A CRC is a remainder of polynomials over GF(2), here in zlib's reflected bit order: joining `length` bytes after
 * the first run multiplies the first CRC by x^(8·length) modulo the CRC polynomial before the second CRC is added.
 */
const POLYNOMIAL = 0xedb88320;
/** x^0 in reflected order. */
const ONE = 0x80000000;

/** a(x) · b(x) modulo the CRC polynomial, both reflected. */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = ONE; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0..63: squaring the one before. */
const X_TO_TWO_TO_THE: number[] = (() => {
  const powers: number[] = [];
  let p = ONE >>> 1; // x^1
  for (let k = 0; k < 64; k++) {
    powers.push(p);
    p = multiplyModP(p, p);
  }
  return powers;
})();

/** x^(8·bytes) modulo the polynomial. */
function shiftFor(bytes: number): number {
  let p = ONE;
  // 8·bytes = 2^3 · bytes: walk the bits of `bytes`, starting at the power x^(2^3).
  for (let k = 3, n = bytes; n > 0; k++, n = Math.floor(n / 2)) if (n % 2) p = multiplyModP(X_TO_TWO_TO_THE[k], p);
  return p;
}

/** The CRC-32 of A followed by B, given crc(A), crc(B) and B's length in bytes. */
export function crc32Combine(crcFirst: number, crcSecond: number, secondLength: number): number {
  return (multiplyModP(shiftFor(secondLength), crcFirst >>> 0) ^ crcSecond) >>> 0;
}
