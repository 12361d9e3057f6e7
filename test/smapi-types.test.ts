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
  const model = packageFiles().find((file) => file.name.endsWith('en-GB.json'));
  const manifest = packageFiles().at(-1);
  if (!model || !manifest) throw new Error('no skill-package files found');
  type Obj = Record<string, unknown>;
  const dig = (value: unknown, ...keys: (string | number)[]): Obj => keys.reduce<unknown>((v, k) => (v as Obj)[k], value) as Obj;
  const rename = (obj: Obj, from: string, to: string): void => {
    if (!(from in obj)) throw new Error(`the broken copy has no "${from}" to rename`);
    obj[to] = obj[from];
    Reflect.deleteProperty(obj, from);
  };
  // Broken by editing the parsed JSON, so the copy breaks the same way however the file changes.
  const broken = (file: JsonToCheck, edit: (json: Obj) => void): JsonToCheck => {
    const json = JSON.parse(file.text) as Obj;
    edit(json);
    return { ...file, text: JSON.stringify(json, null, 2) };
  };
  const languageModel = (json: Obj): Obj => dig(json, 'interactionModel', 'languageModel');
  const firstIntentWithSamples = (json: Obj): Obj => {
    const found = (languageModel(json).intents as Obj[]).find((i) => Array.isArray(i.samples));
    if (!found) throw new Error('no intent with samples');
    return found;
  };

  it.each([
    [
      'a misspelt field in an intent',
      broken(model, (j) => rename(firstIntentWithSamples(j), 'samples', 'sampels')),
      /en-GB\.json:\d+: .*'"sampels"' does not exist in type 'Intent'/,
    ],
    [
      'a misspelt invocation name field',
      broken(model, (j) => rename(languageModel(j), 'invocationName', 'invocationname')),
      /en-GB\.json:\d+: .*invocationname/,
    ],
    [
      'a slot value without its name',
      broken(model, (j) => rename(dig(languageModel(j), 'types', 0, 'values', 0), 'name', 'nam')),
      /en-GB\.json:\d+: .*'"nam"' does not exist/,
    ],
    [
      'a wrong enum value in the manifest',
      broken(manifest, (j) => (dig(j, 'manifest', 'publishingInformation').distributionMode = 'PUBLISHED')),
      /skill\.json:\d+: Type '"PUBLISHED"' is not assignable to type 'DistributionMode/,
    ],
    [
      'a misspelt endpoint field',
      broken(manifest, (j) => (dig(j, 'manifest').apis = { custom: { endpoint: { url: 'arn:aws:lambda:eu-west-1:000000000000:function:x' } } })),
      /skill\.json:\d+: .*'"url"' does not exist in type 'SkillManifestEndpoint'/,
    ],
    [
      'a string where a boolean belongs',
      broken(manifest, (j) => (dig(j, 'manifest', 'privacyAndCompliance').usesPersonalInfo = 'no')),
      /skill\.json:\d+: Type 'string' is not assignable to type 'boolean/,
    ],
  ])('fails on %s', (_what, file, message) => {
    const problems = smapiTypeProblems([file]);
    expect(problems).toEqual([expect.stringMatching(message)]);
  });

  it('points at the line of the JSON file that is wrong', () => {
    const file = broken(model, (j) => rename(firstIntentWithSamples(j), 'samples', 'sampels'));
    const line = file.text.split('\n').findIndex((l) => l.includes('"sampels"')) + 1;
    expect(smapiTypeProblems([file])[0]).toMatch(new RegExp(`^${model.name.replace(/[.]/g, '\\.')}:${line}: `));
  });
});
