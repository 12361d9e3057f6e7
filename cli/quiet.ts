// virtual-alexa pulls in aws-sdk v2, which prints an end-of-support notice on load: not for a listener's terminal.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
