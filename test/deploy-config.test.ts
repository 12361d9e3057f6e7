import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What `ask deploy` reads: ask-resources.json and the CloudFormation template it names. */
const root = join(__dirname, '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

interface AskResources {
  profiles: {
    default: {
      code: Record<string, { src: string }>;
      skillInfrastructure: {
        type: string;
        userConfig: {
          runtime: string;
          handler: string;
          templatePath: string;
          awsRegion: string;
          regionalOverrides?: Record<string, { awsRegion: string }>;
          cfn: { parameters: Record<string, string> };
        };
      };
    };
  };
}
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
interface Template {
  Parameters: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, unknown>;
}

const profile = (readJson('ask-resources.json') as AskResources).profiles.default;
const config = profile.skillInfrastructure.userConfig;
const template = readJson(config.templatePath) as Template;

/** Every file under `dir` (skipping installed packages and build output), relative to the project root. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Which Alexa region calls the skill for a locale, and the AWS region Alexa expects it in ("Host a
 * custom skill as an AWS Lambda function"): North America us-east-1, Europe and India eu-west-1,
 * the Far East (Australia, Japan) us-west-2. The default endpoint is the European one.
 */
const ALEXA_REGION_OF: Record<string, 'NA' | 'default' | 'FE'> = {
  'en-US': 'NA',
  'en-CA': 'NA',
  'es-US': 'NA',
  'en-GB': 'default',
  'en-IN': 'default',
  'en-AU': 'FE',
};
const AWS_REGION_OF = { NA: 'us-east-1', default: 'eu-west-1', FE: 'us-west-2' } as const;

describe('ask-resources.json', () => {
  it('deploys the function in the AWS region Alexa calls for every locale the skill is published in', () => {
    const manifest = readJson('skill-package/skill.json') as { manifest: { publishingInformation: { locales: Record<string, unknown> } } };
    for (const locale of Object.keys(manifest.manifest.publishingInformation.locales)) {
      const region = ALEXA_REGION_OF[locale];
      const deployed =
        region === undefined || profile.code[region] === undefined
          ? undefined
          : region === 'default'
            ? config.awsRegion
            : config.regionalOverrides?.[region]?.awsRegion;
      expect({ locale, region, deployed }).toEqual({ locale, region: expect.any(String) as unknown, deployed: region && AWS_REGION_OF[region] });
    }
  });

  it('deploys on a Lambda Node.js runtime that can still be created and updated (22 or later)', () => {
    const major = Number(/^nodejs(\d+)\.x$/.exec(config.runtime)?.[1]);
    expect(major).toBeGreaterThanOrEqual(22);
  });

  it('is the only file that names the Lambda runtime', () => {
    const naming = filesUnder('.')
      .filter((path) => !path.endsWith('.md') && !path.endsWith('package-lock.json'))
      .filter((path) => /nodejs\d+\.x/.test(readFileSync(join(root, path), 'utf8')))
      .map((path) => relative('.', path));
    expect(naming).toEqual(['ask-resources.json']);
  });

  it('points the handler at the built bundle, which exports it', () => {
    const [file, exported] = config.handler.split('.');
    const bundle = join(root, profile.code.default?.src ?? '', `${file}.js`);
    expect(existsSync(bundle)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle as Lambda loads it
    expect(typeof (require(bundle) as Record<string, unknown>)[exported ?? '']).toBe('function');
  });

  it('keeps the ASK CLI out of what npm ci installs for the skill', () => {
    const lock = readJson('package-lock.json') as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((p) => p.endsWith('node_modules/ask-cli'))).toEqual([]);
  });
});

describe('the CloudFormation template (cfn-deployer)', () => {
  it('declares every parameter ask deploy passes, and every one set in ask-resources.json', () => {
    const passedByCli = ['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'];
    expect(Object.keys(template.Parameters)).toEqual(expect.arrayContaining([...passedByCli, ...Object.keys(config.cfn.parameters)]));
    expect(template.Outputs).toHaveProperty('SkillEndpoint');
  });

  it("gives the function's role only its own log group and Get/Put/Delete on the preferences table", () => {
    const role = template.Resources.SkillFunctionRole?.Properties as { Policies: { PolicyDocument: { Statement: Statement[] } }[] };
    const statements = role.Policies.flatMap((p) => p.PolicyDocument.Statement);
    expect(statements).toEqual([
      { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': ['SkillLogGroup', 'Arn'] } },
      {
        Sid: 'ReadWritePreferences',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
        Resource: { 'Fn::GetAtt': ['PreferencesTable', 'Arn'] },
      },
    ]);
  });

  it('makes the preferences table with partition key "id" (string) and tells the function its name and the skill id', () => {
    const table = template.Resources.PreferencesTable?.Properties;
    expect(table?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(table?.AttributeDefinitions).toEqual([{ AttributeName: 'id', AttributeType: 'S' }]);
    const env = (template.Resources.SkillFunction?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env).toMatchObject({ SKILL_ID: { Ref: 'SkillId' }, PREFERENCES_TABLE: { Ref: 'PreferencesTable' } });
  });

  it('lets only this skill invoke the function', () => {
    expect(template.Resources.AlexaInvokePermission?.Properties).toMatchObject({
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });
});
