// Imported before anything else: DNS lookups of webhook hosts (getaddrinfo) run on libuv's thread pool, four threads
// by default, and a lookup cannot be cancelled. A few receivers whose name servers hang would take every thread and
// delay every other endpoint's connection; a larger pool keeps them from doing that. It must be set before the pool
// first starts, which is why it lives in its own module imported first.
process.env.UV_THREADPOOL_SIZE ??= '64';
