// Builds the sidebar as ONE HTML document (Apps Script serves a single file): the markup skeleton,
// the CSS in a <style> and the browser code bundled by esbuild to an IIFE in a <script>. The
// local preview passes a shim that implements google.script.run; it runs before the sidebar.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Bundles a browser entry point (TypeScript) to one self-contained ES2020 IIFE. */
export async function bundleBrowserScript(entry: string): Promise<string> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

/** Text that is safe inside <script>: no "</script" or "<!--" can end or confuse the element. */
export function scriptSafe(js: string): string {
  return js.replace(/<(\/script|!--)/gi, '\\x3C$1');
}

function styleSafe(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

export async function buildSidebarHtml(opts: { shim?: string } = {}): Promise<string> {
  const [html, css, js] = await Promise.all([
    readFile(here('./sidebar.html'), 'utf8'),
    readFile(here('./sidebar.css'), 'utf8'),
    bundleBrowserScript(here('./main.ts')),
  ]);
  const scripts = [opts.shim !== undefined ? `<script>\n${scriptSafe(opts.shim)}\n</script>` : '', `<script>\n${scriptSafe(js)}\n</script>`].filter(Boolean).join('\n');
  if (!html.includes('<!-- sidebar:style -->') || !html.includes('<!-- sidebar:script -->')) {
    throw new Error('sidebar.html must contain the <!-- sidebar:style --> and <!-- sidebar:script --> markers');
  }
  // Function replacers: a "$" in the code must not be read as a replacement pattern.
  return html.replace('<!-- sidebar:style -->', () => `<style>\n${styleSafe(css)}</style>`).replace('<!-- sidebar:script -->', () => scripts);
}
