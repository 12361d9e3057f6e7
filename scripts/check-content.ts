import { join } from 'node:path';
import { checkContent, describe } from './content-check';

/** `npm run check:content`: tells a clinical reviewer exactly what to fix, file and key first. */
const problems = checkContent(join(__dirname, '..', '..', 'content'));
for (const problem of problems) console.log(describe(problem));
console.log(problems.length === 0 ? 'Content check: all answers are complete.' : `Content check: ${problems.length} problem(s) to fix.`);
process.exitCode = problems.length === 0 ? 0 : 1;
