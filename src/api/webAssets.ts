import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built dashboard from `root` (index.html and hashed assets: every script, style
 * and font comes from this app, none from a CDN). The dashboard routes by the URL's hash, so
 * "/" is the only page.
 */
export async function registerWebAssets(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(`${root}/index.html`)) {
    throw new Error(`${root}/index.html not found: run \`npm run build:web\``);
  }
  // dotfiles denied (403 FORBIDDEN): the build folder has none the dashboard needs, and a stray
  // one (an editor's, an .env) must not be served.
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    dotfiles: 'deny',
  });
}
