import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The public reference data (CDNOW, Telco) with published results, read where it lives and never
 * copied into the project: ../shared/data beside the repository, or $RETAIN_SHARED_DATA.
 */
export function sharedDataDir(): string {
  const dir = process.env.RETAIN_SHARED_DATA ?? resolve(fileURLToPath(new URL('../../../../shared/data', import.meta.url)));
  if (!existsSync(dir)) {
    throw new Error(
      `the reference data folder is missing: looked in ${dir}. The prediction tests check the models against ` +
        'published results on CDNOW and Telco; put shared/data beside the repository or set RETAIN_SHARED_DATA to it.',
    );
  }
  return dir;
}

export function sharedDataPath(...parts: string[]): string {
  return join(sharedDataDir(), ...parts);
}

export function readSharedData(...parts: string[]): string {
  return readFileSync(sharedDataPath(...parts), 'utf8');
}
