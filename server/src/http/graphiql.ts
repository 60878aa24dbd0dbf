import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import { GRAPHIQL_POLICY } from './security-headers.js';

const require = createRequire(import.meta.url);

/**
 * GraphiQL 4 is the last release that ships a prebuilt UMD bundle (5 is ESM-only and needs a
 * bundler); that bundle inlines React 18's JSX runtime, so it needs React 18, the last React
 * with UMD builds. Neither package exports these files, hence the way through package.json.
 */
function vendorFile(pkg: string, file: string) {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  const { version } = require(`${pkg}/package.json`) as { version: string };
  // The version in the URL lets the file be cached for good: an upgrade changes the URL.
  return { url: `/graphiql/assets/${pkg}@${version}/${path.basename(file)}`, file: path.join(root, file) };
}

const vendor = {
  react: vendorFile('react', 'umd/react.production.min.js'),
  reactDom: vendorFile('react-dom', 'umd/react-dom.production.min.js'),
  graphiql: vendorFile('graphiql', 'graphiql.min.js'),
  graphiqlCss: vendorFile('graphiql', 'graphiql.min.css'),
};

export const DEFAULT_QUERY = `# Pemantauan BerAKHLAK: the first five provinces by code.
# Run it with Ctrl-Enter or the ▶ button.
{
  regions(level: PROVINCE, first: 5) {
    totalCount
    edges {
      node {
        code
        name
        headcount
      }
    }
  }
}
`;

/** Our own small files, named after their content so they can be cached for good too. */
function ownFile(name: string, extension: 'js' | 'css', body: string) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `/graphiql/assets/${name}.${hash}.${extension}`, extension, body };
}

// The bootstrap lives in a file of its own: the page has no inline script or style.
const start = ownFile(
  'start',
  'js',
  `'use strict';
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
  }),
);
`,
);
const page = ownFile('page', 'css', 'body { margin: 0; }\n#graphiql { height: 100vh; height: 100dvh; }\n');

const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>GraphiQL · Pemantauan BerAKHLAK</title>
  <link rel="stylesheet" href="${vendor.graphiqlCss.url}">
  <link rel="stylesheet" href="${page.url}">
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${vendor.react.url}"></script>
  <script src="${vendor.reactDom.url}"></script>
  <script src="${vendor.graphiql.url}"></script>
  <script src="${start.url}"></script>
</body>
</html>
`;

const FOREVER = 'public, max-age=31536000, immutable';

/** GraphiQL at /graphiql, served entirely from this server: the browser loads nothing from elsewhere. */
export function graphiqlRouter(): Router {
  const router = Router();
  router.get('/graphiql', (_request, response) => {
    response.set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': GRAPHIQL_POLICY }).type('html').send(html);
  });
  // Only these files are served, one route each; nothing else under node_modules is reachable.
  for (const { url, file } of Object.values(vendor)) {
    router.get(url, (_request, response, next) => {
      // pnpm keeps packages under node_modules/.pnpm, which send's default dotfile rule would 404;
      // the paths are fixed above, so allowing dotfiles exposes nothing more.
      const options = { maxAge: '1y', immutable: true, dotfiles: 'allow' } as const;
      response.sendFile(file, options, (error) => error && next(error));
    });
  }
  for (const { url, extension, body } of [start, page]) {
    router.get(url, (_request, response) => {
      response.set('Cache-Control', FOREVER).type(extension).send(body);
    });
  }
  return router;
}
