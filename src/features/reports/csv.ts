/** RFC 4180 CSV with a BOM, so Excel opens Czech letters correctly. */
export const toCsv = (header: string[], rows: (string | number)[][]): string => {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
};
