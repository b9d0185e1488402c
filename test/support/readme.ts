import fs from 'node:fs';
import path from 'node:path';

/** The project's README, which the tests hold to the code. */
export const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The body rows, as trimmed cells, of every README table whose header row is `header`, in order. */
export function tablesUnder(header: string): string[][][] {
  const lines = readme.split('\n');
  return lines
    .flatMap((line, i) => (line === header ? [i] : []))
    .map((start) => {
      const rows: string[][] = [];
      for (const line of lines.slice(start + 2)) {
        if (!line.startsWith('|')) break;
        rows.push(
          line
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim()),
        );
      }
      return rows;
    });
}

/** The body rows of the first README table whose header row is `header`. */
export function tableRows(header: string): string[][] {
  const [rows] = tablesUnder(header);
  if (!rows) throw new Error(`No README table with header ${header}`);
  return rows;
}
