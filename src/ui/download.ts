/** A titled table of a report, as shown on screen and written to CSV and XLSX. */
export type ReportTable = {
  key: string;
  title: string;
  header: string[];
  rows: (string | number)[][];
};

/** Offers a file to the user (the browser's download), then lets go of it. */
export const saveBlob = (blob: Blob, fileName: string) => {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
};

/** Excel's sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/**
 * An XLSX workbook with a sheet per table, numbers as numbers. The writer is loaded only
 * when someone asks for a workbook, so it never weighs on the app's start.
 */
export const xlsxBlob = async (tables: readonly ReportTable[]): Promise<Blob> => {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  return writeXlsxFile(
    tables.map((table) => ({
      sheet: sheetName(table.title),
      data: [
        table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
        ...table.rows.map((row) => row.map((value) => ({ value }))),
      ],
      columns: table.header.map((h, i) => ({ width: i === 0 ? 28 : Math.max(10, h.length + 2) })),
    })),
  ).toBlob();
};
