import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../ui/TableScroll';
import type { ReportTable } from '../../ui/download';

/** A report's table as the screen shows it: numbers in the language's own format. */
export const ReportTableView = ({ table, testId }: { table: ReportTable; testId: string }) => {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'cs-CZ';
  return (
    <TableScroll label={table.header.join(', ')}>
      <table className="report-table" data-testid={testId}>
        <thead>
          <tr>
            {table.header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{typeof cell === 'number' ? cell.toLocaleString(locale) : cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
};
