import type { Context } from 'aws-lambda';

/**
 * The one logger: one JSON line per call, with the fields and in the order Powertools for AWS Lambda
 * writes them (level, message, timestamp, service, then the Lambda context), so CloudWatch queries
 * and alarms written for those lines keep working. Written by hand because it is on every request:
 * Powertools' Logger cost about 10 µs a line here, this about 2 (README, Speed).
 *
 * Level from POWERTOOLS_LOG_LEVEL (or LOG_LEVEL, or Lambda's own AWS_LAMBDA_LOG_LEVEL); INFO when
 * unset. INFO and DEBUG go to stdout, WARN and ERROR to stderr, as Powertools' console does.
 */

const LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
export type LogLevel = keyof typeof LEVELS;

const isLevel = (name: string): name is LogLevel => Object.hasOwn(LEVELS, name);

function levelFromEnvironment(env: NodeJS.ProcessEnv): LogLevel {
  for (const name of [env.POWERTOOLS_LOG_LEVEL, env.LOG_LEVEL, env.AWS_LAMBDA_LOG_LEVEL]) {
    const level = name?.trim().toUpperCase();
    if (level && isLevel(level)) return level;
  }
  return 'INFO';
}

/** What a line says about the container and the invocation; nothing about the listener. */
interface LambdaFields {
  cold_start: boolean;
  function_arn: string;
  function_memory_size: string;
  function_name: string;
  function_request_id: string;
  sampling_rate: number;
  xray_trace_id?: string;
}

export type LogFields = Readonly<Record<string, unknown>>;

export class JsonLineLogger {
  private threshold: number;
  /** The Lambda context's fields as JSON, without braces, after a comma; '' outside Lambda. */
  private lambda = '';
  private invocations = 0;
  private functionArn?: string;
  private functionFields = '';

  /** The service's name as JSON. */
  private readonly service: string;

  constructor(service: string, level: LogLevel = levelFromEnvironment(process.env)) {
    this.service = JSON.stringify(service);
    this.threshold = LEVELS[level];
  }

  setLogLevel(level: LogLevel): void {
    this.threshold = LEVELS[level];
  }

  /** The invocation's Lambda context, on every line until the next invocation's. */
  addContext(context: Context): void {
    this.invocations++;
    const trace = process.env._X_AMZN_TRACE_ID;
    // Provisioned concurrency starts containers before any request: none of its invocations waits for a start.
    const coldStart = this.invocations === 1 && process.env.AWS_LAMBDA_INITIALIZATION_TYPE !== 'provisioned-concurrency';
    // The function's own fields are the same in every invocation of a container: serialised once.
    if (this.functionArn !== context.invokedFunctionArn) {
      this.functionArn = context.invokedFunctionArn;
      this.functionFields = JSON.stringify({
        function_arn: context.invokedFunctionArn,
        function_memory_size: context.memoryLimitInMB,
        function_name: context.functionName,
      }).slice(1, -1);
    }
    const request: Pick<LambdaFields, 'function_request_id' | 'sampling_rate' | 'xray_trace_id'> = {
      function_request_id: context.awsRequestId,
      sampling_rate: 0,
      ...(trace && { xray_trace_id: trace }),
    };
    this.lambda = `,"cold_start":${String(coldStart)},${this.functionFields},${JSON.stringify(request).slice(1, -1)}`;
  }

  debug(message: string, fields?: LogFields): void {
    if (this.threshold <= LEVELS.DEBUG) process.stdout.write(this.line('DEBUG', message, fields));
  }

  info(message: string, fields?: LogFields): void {
    if (this.threshold <= LEVELS.INFO) process.stdout.write(this.line('INFO', message, fields));
  }

  warn(message: string, fields?: LogFields): void {
    if (this.threshold <= LEVELS.WARN) process.stderr.write(this.line('WARN', message, fields));
  }

  error(message: string, fields?: LogFields): void {
    if (this.threshold <= LEVELS.ERROR) process.stderr.write(this.line('ERROR', message, fields));
  }

  private line(level: LogLevel, message: string, fields: LogFields | undefined): string {
    const rest = fields === undefined ? '' : JSON.stringify(fields).slice(1, -1);
    const head = `{"level":"${level}","message":${JSON.stringify(message)},"timestamp":"${new Date().toISOString()}","service":${this.service}${this.lambda}`;
    return `${head}${rest.length > 0 ? `,${rest}` : ''}}\n`;
  }
}

export const logger = new JsonLineLogger('secondary-cancer-guide');

/**
 * An error's stack frames without its first line: the message can carry what a user said (an error
 * built from a slot value), so only the error's name and where it happened are ever logged.
 */
export function stackFrames(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1, 8).join('\n');
}
