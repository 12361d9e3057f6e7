import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportRows, toMarkdown } from './content-report';

/** `npm run content:report`: a table for a clinical reviewer, printed and saved to dist/content-report.md. */
const root = join(__dirname, '..', '..');
const markdown = toMarkdown(reportRows(join(root, 'content')), new Date());
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'content-report.md'), markdown);
console.log(markdown);
console.log('Saved to dist/content-report.md');
