import { join } from 'node:path';
import { reportRows, toMarkdown } from '../scripts/content-report';
import { ALL_TOPICS, contentKey } from '../lambda/topics/topic-table';
import { SAFETY_KEYS } from '../lambda/safety/safety-keys';

describe('npm run content:report', () => {
  const rows = reportRows(join(__dirname, '..', 'content'));

  it('lists every answer the skill can speak, with its words, sources and reviewed date', () => {
    const keys = new Set(rows.map((r) => `${r.file.replace(/^content\/en-GB\/|\.json$/g, '')}:${r.key}`));
    for (const ref of ALL_TOPICS) expect(keys).toContain(contentKey(ref));
    for (const key of SAFETY_KEYS) expect(keys).toContain(`safety:${key}`);
    for (const row of rows) {
      expect(row.sources).not.toMatch(/NONE|NOT IN sources\.json/);
      expect(row.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.parseInt(row.words, 10)).toBeGreaterThan(0);
    }
  });

  it('writes a table a reviewer can read as plain text', () => {
    const table = toMarkdown(rows, new Date('2026-11-25'));
    expect(table).toMatch(/^# Content report \(2026-11-25\)/);
    expect(table).toContain('| Topic | File | Title | Words | Sources | Reviewed | Review due |');
    expect(table).toMatch(/\| en-GB bone\.symptoms \| content\/en-GB\/topics\.json \| .+ \| \d+( \+ \d+)? \| Cancer Research UK/);
  });
});
