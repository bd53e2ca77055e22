/**
 * Formats a number as a plain decimal, the way a person writes a threshold:
 * no binary noise (`0.1 + 0.2` gives `0.3`) and no exponent (`1e-7` gives
 * `0.0000001`). Datadog and Terraform both read this form back exactly.
 *
 * @throws Error for NaN and infinities, which no threshold can be.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new Error(`expected a finite number, got ${value}`);
  }

  // Twelve significant digits cancel float noise and keep every
  // threshold a person would type.
  const rounded = Number(value.toPrecision(12));
  if (Object.is(rounded, -0) || rounded === 0) return "0";

  const text = String(rounded);
  if (!/e/i.test(text)) return text;

  if (Math.abs(rounded) >= 1) {
    return BigInt(Math.round(rounded)).toString();
  }
  const exponent = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.min(100, 12 - exponent);
  return rounded.toFixed(decimals).replace(/\.?0+$/, "");
}
