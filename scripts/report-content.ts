import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportRows, signOffWarning, toHtml, toMarkdown } from './content-report';

/**
 * `npm run content:report`: a table for a clinical reviewer, printed and saved to dist/content-report.md,
 * and one page to read, search and print, dist/content-report.html. With --sign-off-warning, only
 * the warning `npm run package` prints when entries have no sign-off.
 */
const root = join(__dirname, '..', '..');
const rows = reportRows(join(root, 'content'));
const today = new Date();
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'content-report.html'), toHtml(rows, today));
if (process.argv.includes('--sign-off-warning')) {
  const warning = signOffWarning(rows);
  if (warning) console.error(warning);
} else {
  const markdown = toMarkdown(rows, today);
  writeFileSync(join(root, 'dist', 'content-report.md'), markdown);
  console.log(markdown);
  console.log('Saved to dist/content-report.md and dist/content-report.html (open it in a browser).');
}
