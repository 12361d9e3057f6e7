import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { contentFor } from '../lambda/content/locale-content';
import { compiledLocale, LOCALES } from '../lambda/content/resources';
import { envelope } from './helpers/envelopes';

/** `npm run package` on what `npm test` just built, then the zip as Lambda would unpack it. */
const root = join(__dirname, '..');
const contentDir = join(root, 'content');
// Locale folders only, as the content check reads them (apl/ holds no spoken content).
const locales = readdirSync(contentDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^[a-z]{2}(-[A-Z]{2})?$/.test(d.name))
  .map((d) => d.name);

let unpacked: string;
let bundle: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { encoding: 'utf8' });
  unpacked = mkdtempSync(join(tmpdir(), 'skill-lambda-'));
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(root, 'dist', 'skill-lambda.zip'))))) {
    mkdirSync(dirname(join(unpacked, name)), { recursive: true });
    writeFileSync(join(unpacked, name), bytes);
  }
  bundle = readFileSync(join(unpacked, 'index.js'), 'utf8');
});

afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

/**
 * A clean Node process in the unpacked folder (no node_modules anywhere above it) requires index.js
 * and sends each envelope through `handler`, as the Lambda runtime does.
 */
function invokeUnpacked(events: unknown[]): { ssml: string }[] {
  const script = `
    const { handler } = require('./index.js');
    const events = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    Promise.all(events.map((e) => handler(e))).then((rs) => {
      process.stdout.write('RESULT ' + JSON.stringify(rs.map((r) => ({ ssml: r.response.outputSpeech.ssml }))) + '\\n');
    });`;
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: unpacked,
    input: JSON.stringify(events),
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    timeout: 20_000,
  });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result from the bundle: ${out}`);
  return JSON.parse(line.slice('RESULT '.length)) as { ssml: string }[];
}

// The welcome as the locale says it, its fallbacks filling what it does not write itself.
const welcomeOf = (locale: string): string => contentFor(locale).say('welcome');

describe('the Lambda zip (npm run package)', () => {
  it('lists every locale folder under content/ in content/locales.json, and no locale without a folder', () => {
    expect(Object.keys(LOCALES).sort()).toEqual([...locales].sort());
  });

  it('holds index.js at the top, so the handler is index.handler', () => {
    expect(readdirSync(unpacked)).toContain('index.js');
  });

  it('loads in a clean Node process and welcomes a LaunchRequest in every locale it has content for', () => {
    const events = locales.map((locale) => {
      const event = envelope('launch');
      event.request.locale = locale;
      return event;
    });
    const replies = invokeUnpacked(events);
    locales.forEach((locale, i) => {
      expect(replies[i]?.ssml).toContain(welcomeOf(locale).split('.')[0]);
    });
  });

  it("holds every locale's content beside index.js, as the skill hears it from the content folder, and none inside index.js", () => {
    for (const locale of locales) {
      const built: unknown = JSON.parse(readFileSync(join(unpacked, 'content', `${locale}.json`), 'utf8'));
      expect({ locale, built }).toEqual({ locale, built: compiledLocale(locale) });
      // Read when a request first needs the locale, never parsed with the code at cold start.
      expect({ locale, inBundle: bundle.includes(welcomeOf(locale).slice(0, 40)) }).toEqual({ locale, inBundle: false });
    }
  });
});
