// Tests log only warnings and errors unless LOG_LEVEL says otherwise.
process.env.NODE_ENV = process.env.NODE_ENV || 'test';
process.env.OTEL_SDK_DISABLED = process.env.OTEL_SDK_DISABLED || 'true';
require('reflect-metadata');
