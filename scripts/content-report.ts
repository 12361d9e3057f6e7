import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_REVIEW_AGE_YEARS } from '../lambda/content/prompt-keys';
import { countWords } from './content-check';

/** One line of the report: an answer a clinical reviewer signs off. */
export interface ReportRow {
  readonly locale: string;
  readonly file: string;
  readonly key: string;
  readonly title: string;
  /** Words spoken: the answer, then its second part if it has one. */
  readonly words: string;
  readonly sources: string;
  readonly reviewed: string;
  readonly reviewDue: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every answer-like object in a file, found by its "reviewed" field, with its dotted key. */
function* answers(node: unknown, path: string[] = []): Generator<[string, Json]> {
  if (!isObject(node)) return;
  if ('reviewed' in node) {
    yield [path.join('.'), node];
    return;
  }
  for (const [k, v] of Object.entries(node)) yield* answers(v, [...path, k]);
}

function dueDate(reviewed: string): string {
  const date = new Date(reviewed);
  if (Number.isNaN(date.getTime())) return 'unknown';
  date.setUTCFullYear(date.getUTCFullYear() + MAX_REVIEW_AGE_YEARS);
  return date.toISOString().slice(0, 10);
}

const CONTENT_FILES = ['topics', 'terms', 'safety', 'questions'] as const;

/** The report's rows, read straight from the JSON a reviewer edits. */
export function reportRows(contentDir: string): ReportRow[] {
  const rows: ReportRow[] = [];
  const locales = readdirSync(contentDir, { withFileTypes: true }).filter((d) => d.isDirectory() && /^[a-z]{2}(-[A-Z]{2})?$/.test(d.name));
  for (const { name: locale } of locales) {
    const read = (file: string): Json => JSON.parse(readFileSync(join(contentDir, locale, `${file}.json`), 'utf8')) as Json;
    const sources = read('sources');
    for (const file of CONTENT_FILES) {
      for (const [key, entry] of answers(read(file))) {
        const spoken = Array.isArray(entry.questions) ? entry.questions.map(text).join(' ') : text(entry.answer);
        const more = text(entry.more);
        const cited = Array.isArray(entry.sources)
          ? entry.sources.map((id) => text((sources[text(id)] as Json | undefined)?.name) || `${text(id)} (NOT IN sources.json)`)
          : [];
        rows.push({
          locale,
          file: `content/${locale}/${file}.json`,
          key,
          title: text(entry.title),
          words: more ? `${countWords(spoken)} + ${countWords(more)}` : String(countWords(spoken)),
          sources: cited.join('; ') || 'NONE',
          reviewed: text(entry.reviewed),
          reviewDue: dueDate(text(entry.reviewed)),
        });
      }
    }
  }
  return rows;
}

const cell = (value: string): string => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown table: readable as plain text, and rendered as a table by GitHub or any editor. */
export function toMarkdown(rows: readonly ReportRow[], today: Date): string {
  const header = ['Topic', 'File', 'Title', 'Words', 'Sources', 'Reviewed', 'Review due'];
  const lines = [
    `# Content report (${today.toISOString().slice(0, 10)})`,
    '',
    `Every spoken answer, its length in words (answer + second part), its sources and when it was last checked. Answers are re-checked at least every ${MAX_REVIEW_AGE_YEARS} years.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${[`${r.locale} ${r.key}`, r.file, r.title, r.words, r.sources, r.reviewed, r.reviewDue].map(cell).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}
