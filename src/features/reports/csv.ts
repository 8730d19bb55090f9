/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
 * return before one): a client's name like `=HYPERLINK(…)` must stay text. Prefixed with an
 * apostrophe, which spreadsheets show as text (OWASP, "CSV Injection"). Numbers are numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (v: string | number): string => {
  const s = typeof v === 'number' ? String(v) : FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a BOM, so Excel opens Czech letters correctly. */
export const toCsv = (header: string[], rows: (string | number)[][]): string =>
  '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
