import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The compiled file of a worker-thread entry in this folder (`name` without extension), or null when
 * there is none. Under the test runner these modules are TypeScript source, and a worker (plain Node)
 * runs the build of the entry instead, from `dist/`.
 */
export function workerFile(name: string): URL | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return new URL(`./${name}.js`, import.meta.url);
  const at = here.lastIndexOf('/libs/');
  if (at < 0) return null;
  const built = `${here.slice(0, at)}/dist${here.slice(at).replace(/worker-file\.ts$/, `${name}.js`)}`;
  return existsSync(built) ? pathToFileURL(built) : null;
}
