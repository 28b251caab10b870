// Preloaded (`node -r`) into a platform process by the bench when CPU_PROFILE_DIR is set. SIGWINCH (ignored by
// default, and not one of the signals NestJS's shutdown hooks take) starts the V8 sampling profiler; the next one
// writes `<CPU_PROFILE_NAME>-<pid>-<n>.cpuprofile` and stops it. Profiling one measured window, not start-up, is why
// `--cpu-prof` (whole life, written only on a clean exit) is not used.
'use strict';
const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const { Session } = require('node:inspector');
  const { mkdirSync, writeFileSync } = require('node:fs');
  const { join } = require('node:path');
  const name = `${process.env.CPU_PROFILE_NAME || 'process'}-${process.pid}`;
  const session = new Session();
  session.connect();
  let running = false;
  let written = 0;
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 250 }))
        .then(() => post('Profiler.start'))
        .catch((err) => process.stderr.write(`cpu profiler: ${err}\n`));
      return;
    }
    running = false;
    post('Profiler.stop').then(({ profile }) => {
      mkdirSync(dir, { recursive: true });
      written += 1;
      writeFileSync(join(dir, `${name}-${written}.cpuprofile`), JSON.stringify(profile));
    }).catch((err) => process.stderr.write(`cpu profiler: ${err}\n`));
  });
}
