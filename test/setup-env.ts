// Silence the aws-sdk v2 maintenance notice that virtual-alexa's dependency prints on load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
// AWS SDK v3 warns on Node 20 that later releases will need Node 22; the version is pinned.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// One JSON log line per request is for production; test/logging.test.ts turns it on to check it.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
