import { dirname, join } from 'node:path';
import ts from 'typescript';

/**
 * Type-checks skill-package JSON against the official SMAPI model types (ask-smapi-model).
 *
 * Imported JSON is widened (every string is `string`) and excess properties are not checked on a
 * variable, so `import model from '….json'` would accept "sampels" or a made-up enum value. Here each
 * file's text becomes a fresh object literal annotated with the SMAPI type, in a generated source
 * file that the TypeScript compiler checks in memory: a misspelt field is an excess property, a wrong
 * enum value is not assignable, and the message points at the line in the JSON file.
 */

export interface JsonToCheck {
  /** Shown in every message, e.g. `skill-package/skill.json`. */
  readonly name: string;
  readonly text: string;
  /** A type under `v1` in ask-smapi-model, e.g. `skill.interactionModel.InteractionModelData`. */
  readonly type: string;
}

export const SMAPI_TYPES = {
  interactionModel: 'skill.interactionModel.InteractionModelData',
  manifest: 'skill.Manifest.SkillManifestEnvelope',
} as const;

const HEADER = "import type { v1 } from 'ask-smapi-model';\n";
const ROOT = join(__dirname, '..');

/** One message per compiler diagnostic: `<file>:<line>: <what is wrong>`. */
export function smapiTypeProblems(files: readonly JsonToCheck[]): string[] {
  const sources = new Map<string, { source: string; file: JsonToCheck; firstLine: number }>();
  files.forEach((file, index) => {
    const declaration = `export const checked: v1.${file.type} =\n`;
    // Line numbers map back to the JSON: the literal starts after the header and the declaration.
    sources.set(join(ROOT, '.smapi-check', `file${index}.ts`), { source: `${HEADER}${declaration}${file.text};\n`, file, firstLine: 2 });
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => sources.get(path)?.source ?? readFile(path);
  host.fileExists = (path) => sources.has(path) || fileExists(path);
  host.getSourceFile = (path, language, onError, create) => {
    const virtual = sources.get(path);
    return virtual ? ts.createSourceFile(path, virtual.source, language, true) : getSourceFile(path, language, onError, create);
  };
  host.getCurrentDirectory = () => dirname(join(ROOT, '.smapi-check', 'x'));
  const program = ts.createProgram([...sources.keys()], options, host);
  const problems: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const virtual = diagnostic.file ? sources.get(diagnostic.file.fileName) : undefined;
    if (!virtual || diagnostic.file === undefined || diagnostic.start === undefined) {
      problems.push(`ask-smapi-model: ${text}`);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    problems.push(`${virtual.file.name}:${line - virtual.firstLine + 1}: ${text.split('\n').slice(-1)[0] ?? text}`);
  }
  return problems;
}
