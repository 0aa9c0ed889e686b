// Exact shares arrive as text ("0", "1", "1/6"). Enough rational arithmetic to compare them and to divide one by
// another without rounding.

export interface Fraction {
	n: number;
	d: number;
}

function gcd(a: number, b: number): number {
	let x = Math.abs(a);
	let y = Math.abs(b);
	while (y !== 0) {
		[x, y] = [y, x % y];
	}
	return x === 0 ? 1 : x;
}

export function fraction(n: number, d: number): Fraction {
	const g = gcd(n, d);
	const sign = d < 0 ? -1 : 1;
	return { n: (sign * n) / g, d: (sign * d) / g };
}

export function parseFraction(text: string): Fraction | null {
	const match = /^\s*(-?\d+)\s*(?:\/\s*(\d+))?\s*$/.exec(text);
	if (match === null) {
		return null;
	}
	const d = match[2] === undefined ? 1 : Number(match[2]);
	return d === 0 ? null : fraction(Number(match[1]), d);
}

export function formatFraction(f: Fraction): string {
	return f.d === 1 ? String(f.n) : `${f.n}/${f.d}`;
}

export function toNumber(f: Fraction): number {
	return f.n / f.d;
}

export function compare(a: Fraction, b: Fraction): number {
	return a.n * b.d - b.n * a.d;
}

export function divide(a: Fraction, b: Fraction): Fraction | null {
	return b.n === 0 ? null : fraction(a.n * b.d, a.d * b.n);
}

/** The share as a percentage with one decimal: "16.7 %". */
export function percent(share: number): string {
	return `${(share * 100).toFixed(1)} %`;
}
