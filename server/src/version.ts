// esbuild bundles the JSON, so `zos-tls --version` and the SARIF driver version always match the
// package that was built.
import pkg from '../../package.json';

export const VERSION: string = pkg.version;

/** Where SARIF viewers send users to learn about the tool. */
export const INFORMATION_URI: string = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
