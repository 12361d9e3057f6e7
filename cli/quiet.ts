// virtual-alexa pulls in aws-sdk v2, which prints an end-of-support notice on load: not for a listener's terminal.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
// AWS SDK v3 (the preferences store) warns on Node 20 that later releases will need Node 22; the version is pinned.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// The handler's JSON request log is for production; `POWERTOOLS_LOG_LEVEL=INFO npm start` shows it.
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
