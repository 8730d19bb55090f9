import { round } from './stats';

/** One measured figure, beside the baseline measured in the same run on the same machine. */
export type Figure = {
  section: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  /** value / baseline, when the two share a unit. */
  ratio?: number;
  target?: { text: string; met: boolean };
  note?: string;
};

export type Target = { text: string; test: (value: number, ratio: number | undefined) => boolean };

export const figure = (
  section: string,
  name: string,
  value: number,
  unit: string,
  opts: {
    baseline?: { name: string; value: number; unit?: string };
    target?: Target;
    note?: string;
  } = {},
): Figure => {
  const f: Figure = { section, name, value: round(value), unit };
  if (opts.baseline) {
    const bUnit = opts.baseline.unit ?? unit;
    f.baseline = { name: opts.baseline.name, value: round(opts.baseline.value), unit: bUnit };
    if (bUnit === unit && opts.baseline.value > 0)
      f.ratio = Math.round((value / opts.baseline.value) * 100) / 100;
  }
  if (opts.target) f.target = { text: opts.target.text, met: opts.target.test(value, f.ratio) };
  if (opts.note) f.note = opts.note;
  return f;
};

const fmt = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en-US') : String(n));

/** A plain-text table, one row per figure, grouped by section. */
export const renderTable = (figures: readonly Figure[]): string => {
  const header = ['measure', 'value', 'baseline (same run)', 'ratio', 'target', ''];
  const rows: string[][] = [];
  let section = '';
  for (const f of figures) {
    if (f.section !== section) {
      section = f.section;
      rows.push([`[${section}]`, '', '', '', '', '']);
    }
    rows.push([
      `  ${f.name}`,
      `${fmt(f.value)} ${f.unit}`,
      f.baseline ? `${fmt(f.baseline.value)} ${f.baseline.unit} ${f.baseline.name}` : '',
      f.ratio !== undefined ? `${f.ratio}x` : '',
      f.target?.text ?? '',
      f.target ? (f.target.met ? 'met' : 'MISSED') : '',
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
};
