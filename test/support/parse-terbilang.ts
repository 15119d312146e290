// Indonesian number words -> number, written independently of terbilang so that the round trips
// of the format tests do not check terbilang against itself. Throws on anything it does not expect.

const DIGIT_VALUE: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};
const SCALE_VALUE: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12 };

export function parseTerbilang(text: string): number {
  if (text === 'nol') return 0;
  const words = text.split(' ');
  let sign = 1;
  if (words[0] === 'minus') {
    sign = -1;
    words.shift();
  }
  let total = 0;
  let group = 0; // value below one thousand collected so far
  let digit: number | null = null; // a digit word waiting for puluh / belas / ratus / a scale
  const takeDigit = (w: string): number => {
    if (digit === null) throw new Error(`"${w}" without a digit before it in "${text}"`);
    // "satu puluh", "satu belas", "satu ratus" are spelled sepuluh, sebelas, seratus.
    if (digit === 1) throw new Error(`"satu ${w}" in "${text}"`);
    const d = digit;
    digit = null;
    return d;
  };
  for (const w of words) {
    if (w in DIGIT_VALUE) {
      if (digit !== null) throw new Error(`two digits in a row in "${text}"`);
      digit = DIGIT_VALUE[w]!;
    } else if (w === 'sepuluh') group += 10;
    else if (w === 'sebelas') group += 11;
    else if (w === 'seratus') group += 100;
    else if (w === 'puluh') group += takeDigit(w) * 10;
    else if (w === 'belas') group += takeDigit(w) + 10;
    else if (w === 'ratus') group += takeDigit(w) * 100;
    else if (w === 'seribu') {
      if (group !== 0 || digit !== null) throw new Error(`"seribu" after a number in "${text}"`);
      total += 1000;
    } else if (w in SCALE_VALUE) {
      const g = group + (digit ?? 0);
      if (g === 0) throw new Error(`"${w}" without a number before it in "${text}"`);
      if (w === 'ribu' && g === 1) throw new Error(`"satu ribu" instead of "seribu" in "${text}"`);
      total += g * SCALE_VALUE[w]!;
      group = 0;
      digit = null;
    } else throw new Error(`unknown word "${w}" in "${text}"`);
  }
  return sign * (total + group + (digit ?? 0));
}
