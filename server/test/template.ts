import os from 'node:os';
import path from 'node:path';

export const TEMPLATE_FILE = path.join(
  os.tmpdir(),
  `steerboard-test-template-${process.ppid}-${process.env.VITEST_RUN_ID ?? 'x'}.tar`,
);
