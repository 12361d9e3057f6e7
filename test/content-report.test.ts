import { join } from 'node:path';
import { reportRows, signOffWarning, toHtml, toMarkdown } from '../scripts/content-report';
import { ALL_TOPICS, contentKey } from '../lambda/topics/topic-table';
import { SAFETY_KEYS } from '../lambda/safety/safety-keys';

describe('npm run content:report', () => {
  const rows = reportRows(join(__dirname, '..', 'content'));

  it('lists every answer the skill can speak, with its words, sources, written date and sign-off status', () => {
    const keys = new Set(rows.map((r) => `${r.file.replace(/^content\/en-GB\/|\.json$/g, '')}:${r.key}`));
    for (const ref of ALL_TOPICS) expect(keys).toContain(contentKey(ref));
    for (const key of SAFETY_KEYS) expect(keys).toContain(`safety:${key}`);
    for (const row of rows) {
      expect(row.sources).not.toMatch(/NONE|NOT IN sources\.json/);
      expect(row.written).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.status).toMatch(/^(NOT SIGNED OFF|signed off by .+, \d{4}-\d{2}-\d{2})$/);
      expect(row.reviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.parseInt(row.words, 10)).toBeGreaterThan(0);
    }
  });

  it('writes a table a reviewer can read as plain text', () => {
    const table = toMarkdown(rows, new Date('2026-11-25'));
    expect(table).toMatch(/^# Content report \(2026-11-25\)/);
    expect(table).toContain('| Topic | File | Title | Words | Sources | Written | Sign-off | Review due | Warning-sign rules |');
    expect(table).toMatch(/\| en-GB urgent\.spine \| content\/en-GB\/safety\.json \| .+ \| NOT SIGNED OFF \| \d{4}-\d{2}-\d{2} \| spine: now \|/);
    expect(table).toMatch(/\| en-GB bone\.symptoms \| content\/en-GB\/topics\.json \| .+ \| \d+( \+ \d+)? \| Cancer Research UK/);
  });

  it('writes one page a reviewer can read, search and print, with every answer as it is heard', () => {
    const page = toHtml(rows, new Date('2026-11-25'));
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<(link|script) [^>]*src=/);
    expect(page).toContain('<input id="q" type="search"');
    expect(page).toContain('@media print');
    // Numbers as heard, not placeholders.
    expect(page).toContain('Call 999 now');
    expect(page).not.toContain('{{emergency}}');
    expect(page.match(/<article /g)).toHaveLength(rows.length);
  });

  it('warns loudly when anything has no sign-off, and says nothing when everything has', () => {
    expect(signOffWarning(rows)).toMatch(/WARNING: \d+ of \d+ content entries have NO clinical sign-off/);
    expect(signOffWarning(rows.map((r) => ({ ...r, signedOff: true })))).toBeUndefined();
  });
});
