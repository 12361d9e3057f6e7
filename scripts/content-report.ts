import { FIRST_REVIEW_DUE_MONTHS, MAX_REVIEW_AGE_YEARS } from '../lambda/content/prompt-keys';
import { countWords, readLocaleFiles } from './content-check';
import { readTriageTable, signsNamed, type TriageTable } from './triage-check';

/** One line of the report: an answer a clinical reviewer signs off. */
export interface ReportRow {
  readonly locale: string;
  readonly file: string;
  readonly key: string;
  readonly title: string;
  /** What a listener hears, numbers filled in: the answer, then its second part if it has one. */
  readonly heard: string;
  /** Words spoken: the answer, then its second part if it has one. */
  readonly words: string;
  readonly sources: string;
  readonly written: string;
  /** "signed off by <role>, <date>", or NOT SIGNED OFF. */
  readonly status: string;
  readonly signedOff: boolean;
  readonly reviewDue: string;
  /** The warning-sign rules the answer gives, from triage.json: "spine: now". */
  readonly rules: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every answer-like object in a file, found by its "written" field, with its dotted key. */
function* answers(node: unknown, path: string[] = []): Generator<[string, Json]> {
  if (!isObject(node)) return;
  if ('written' in node) {
    yield [path.join('.'), node];
    return;
  }
  for (const [k, v] of Object.entries(node)) yield* answers(v, [...path, k]);
}

function addTo(iso: string, years: number, months = 0): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown';
  date.setUTCFullYear(date.getUTCFullYear() + years, date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

const CONTENT_FILES = ['topics', 'terms', 'safety', 'questions'] as const;

/** Placeholders as the listener hears them: {{emergency}} → 999, from numbers.json. */
function fill(said: string, numbers: Json): string {
  return said.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (whole, id: string) => {
    const entry = numbers[id];
    return isObject(entry) && typeof entry.number === 'string' ? entry.number : whole;
  });
}

function rulesOf(file: string, key: string, said: string, table: TriageTable): string {
  const urgent = file === 'safety' && key.startsWith('urgent.') ? table.rules.find((r) => `urgent.${r.sign}` === key) : undefined;
  const named = urgent ? [urgent] : signsNamed(said, table).map((n) => n.rule);
  return named.map((r) => `${r.sign}: ${r.action}`).join('; ');
}

/** The report's rows, read straight from the JSON a reviewer edits. */
export function reportRows(contentDir: string): ReportRow[] {
  const rows: ReportRow[] = [];
  // Each locale's rows are the answers it writes itself; what it takes from its fallback is that locale's rows.
  for (const { locale, own, data } of readLocaleFiles(contentDir)) {
    const sources = data.sources;
    const numbers = data.numbers;
    const { table } = readTriageTable('triage', data.triage, sources);
    for (const file of CONTENT_FILES) {
      for (const [key, entry] of answers(own[file] ?? {})) {
        const spoken = Array.isArray(entry.questions) ? entry.questions.map(text).join(' ') : text(entry.answer);
        const more = text(entry.more);
        const cited = Array.isArray(entry.sources)
          ? entry.sources.map((id) => text((sources[text(id)] as Json | undefined)?.name) || `${text(id)} (NOT IN sources.json)`)
          : [];
        const signOff = isObject(entry.signOff) ? entry.signOff : undefined;
        const written = text(entry.written);
        rows.push({
          locale,
          file: `content/${locale}/${file}.json`,
          key,
          title: text(entry.title),
          heard: fill([spoken, more].filter(Boolean).join(' / '), numbers),
          words: more ? `${countWords(spoken)} + ${countWords(more)}` : String(countWords(spoken)),
          sources: cited.join('; ') || 'NONE',
          written,
          status: signOff ? `signed off by ${text(signOff.role)}, ${text(signOff.date)}` : 'NOT SIGNED OFF',
          signedOff: signOff !== undefined,
          reviewDue: signOff ? addTo(text(signOff.date), MAX_REVIEW_AGE_YEARS) : addTo(written, 0, FIRST_REVIEW_DUE_MONTHS),
          rules: rulesOf(file, key, [spoken, more].join(' '), table),
        });
      }
    }
  }
  return rows;
}

const cell = (value: string): string => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const summary = (rows: readonly ReportRow[]): string => {
  const unsigned = rows.filter((r) => !r.signedOff).length;
  return unsigned === 0 ? `All ${rows.length} entries are signed off.` : `${unsigned} of ${rows.length} entries have NO clinical sign-off.`;
};

/** A Markdown table: readable as plain text, and rendered as a table by GitHub or any editor. */
export function toMarkdown(rows: readonly ReportRow[], today: Date): string {
  const header = ['Topic', 'File', 'Title', 'Words', 'Sources', 'Written', 'Sign-off', 'Review due', 'Warning-sign rules'];
  const lines = [
    `# Content report (${today.toISOString().slice(0, 10)})`,
    '',
    `Every spoken answer, its length in words (answer + second part), its sources, when it was written and whether a clinician has signed it off. ${summary(rows)} An entry never signed off is due for review ${FIRST_REVIEW_DUE_MONTHS} months after it was written; a signed-off entry every ${MAX_REVIEW_AGE_YEARS} years.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) => `| ${[`${r.locale} ${r.key}`, r.file, r.title, r.words, r.sources, r.written, r.status, r.reviewDue, r.rules || '—'].map(cell).join(' | ')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

const html = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One self-contained page for a clinical reviewer who never opens a terminal: every answer as it is
 * heard, with its sources, words, sign-off status and the warning-sign rule it uses. It searches as
 * you type, and prints one entry per block.
 */
export function toHtml(rows: readonly ReportRow[], today: Date): string {
  const date = today.toISOString().slice(0, 10);
  const entries = rows
    .map(
      (r) => `<article class="${r.signedOff ? 'signed' : 'unsigned'}">
<h2>${html(r.title)}</h2>
<p class="key">${html(r.locale)} · ${html(r.file)} · <code>${html(r.key)}</code></p>
<p class="heard">${html(r.heard)}</p>
<dl>
<dt>Words</dt><dd>${html(r.words)}</dd>
<dt>Sources</dt><dd>${html(r.sources)}</dd>
<dt>Written</dt><dd>${html(r.written)}</dd>
<dt>Sign-off</dt><dd class="status">${html(r.status)}</dd>
<dt>Review due</dt><dd>${html(r.reviewDue)}</dd>
<dt>Warning-sign rules</dt><dd>${html(r.rules || 'none')}</dd>
</dl>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Content report ${date}</title>
<style>
body { font: 18px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
input { font: inherit; width: 100%; padding: .5rem; margin: 1rem 0; }
article { border: 2px solid #999; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; break-inside: avoid; }
article.unsigned { border-color: #b00; }
.status { font-weight: bold; }
.unsigned .status { color: #b00; }
.heard { font-size: 1.1em; }
.key { color: #444; font-size: .9em; }
dl { display: grid; grid-template-columns: 12rem 1fr; gap: .2rem 1rem; }
dt { font-weight: bold; }
@media print { input { display: none; } article { border-color: #000; } }
</style>
</head>
<body>
<h1>Content report, ${date}</h1>
<p>Every answer the skill speaks, as it is heard, with its sources, when it was written and whether a clinician has signed it off. <strong>${html(summary(rows))}</strong> To sign an entry off, add <code>"signOff": { "role": "…", "date": "YYYY-MM-DD" }</code> to it in its file.</p>
<label for="q">Search</label>
<input id="q" type="search" placeholder="a word, a key or NOT SIGNED OFF">
${entries}
<script>
document.getElementById('q').addEventListener('input', (e) => {
  const q = e.target.value.toLowerCase();
  for (const a of document.querySelectorAll('article')) a.hidden = q !== '' && !a.textContent.toLowerCase().includes(q);
});
</script>
</body>
</html>
`;
}

/** For `npm run package`: loud when anything would ship without a clinical sign-off. */
export function signOffWarning(rows: readonly ReportRow[]): string | undefined {
  const unsigned = rows.filter((r) => !r.signedOff);
  if (unsigned.length === 0) return undefined;
  const bar = '!'.repeat(72);
  return [
    bar,
    `WARNING: ${unsigned.length} of ${rows.length} content entries have NO clinical sign-off.`,
    'The skill says so when asked; do not publish it as reviewed. See dist/content-report.html.',
    bar,
  ].join('\n');
}
