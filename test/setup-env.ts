// Silence the aws-sdk v2 maintenance notice that virtual-alexa's dependency prints on load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
