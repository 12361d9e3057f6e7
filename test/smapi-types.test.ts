import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { discoverModels, MANIFEST_PATH } from '../scripts/model-check';
import { SMAPI_TYPES, smapiTypeProblems, type JsonToCheck } from '../scripts/smapi-typecheck';

const root = `${__dirname}/..`;
const packageFiles = (): JsonToCheck[] => [
  ...discoverModels().map(({ path }) => ({ name: relative(root, path), text: readFileSync(path, 'utf8'), type: SMAPI_TYPES.interactionModel })),
  { name: 'skill-package/skill.json', text: readFileSync(MANIFEST_PATH, 'utf8'), type: SMAPI_TYPES.manifest },
];

describe('skill-package JSON against the official SMAPI types (ask-smapi-model)', () => {
  it('finds a model for every locale the manifest publishes in', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { manifest: { publishingInformation: { locales: Record<string, unknown> } } };
    expect(discoverModels().map((m) => m.locale)).toEqual(Object.keys(manifest.manifest.publishingInformation.locales).sort());
  });

  it('accepts every interaction model and skill.json as they are', () => {
    expect(smapiTypeProblems(packageFiles())).toEqual([]);
  });

  // The same check on broken copies: each must fail, naming the file and the line.
  const [model] = packageFiles();
  const manifest = packageFiles().at(-1);
  if (!model || !manifest) throw new Error('no skill-package files found');
  const broken = (file: JsonToCheck, from: string | RegExp, to: string): JsonToCheck => {
    const text = file.text.replace(from, to);
    if (text === file.text) throw new Error(`the broken copy did not change: ${String(from)}`);
    return { ...file, text };
  };

  it.each([
    ['a misspelt field in an intent', broken(model, '"samples"', '"sampels"'), /en-GB\.json:\d+: .*'"sampels"' does not exist in type 'Intent'/],
    ['a misspelt invocation name field', broken(model, '"invocationName"', '"invocationname"'), /en-GB\.json:\d+: .*invocationname/],
    ['a slot value without its name', broken(model, /"name": \{\s*"value"/, '"nam": { "value"'), /en-GB\.json:\d+: .*'"nam"' does not exist/],
    ['a wrong enum value in the manifest', broken(manifest, '"PUBLIC"', '"PUBLISHED"'), /skill\.json:\d+: Type '"PUBLISHED"' is not assignable to type 'DistributionMode/],
    ['a misspelt endpoint field', broken(manifest, '"uri"', '"url"'), /skill\.json:\d+: .*'"url"' does not exist in type 'SkillManifestEndpoint'/],
    ['a string where a boolean belongs', broken(manifest, '"usesPersonalInfo": false', '"usesPersonalInfo": "no"'), /skill\.json:\d+: Type 'string' is not assignable to type 'boolean/],
  ])('fails on %s', (_what, file, message) => {
    const problems = smapiTypeProblems([file]);
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('points at the line of the JSON file that is wrong', () => {
    const text = model.text.replace('"samples"', '"sampels"');
    const line = text.split('\n').findIndex((l) => l.includes('"sampels"')) + 1;
    expect(smapiTypeProblems([{ ...model, text }])[0]).toMatch(new RegExp(`^${model.name.replace(/[.]/g, '\\.')}:${line}: `));
  });
});
