import { machinePaths } from '@/lib/urls'

/**
 * The API reference page: Swagger UI, served from our own origin (its files from the
 * swagger-ui-dist package, see the [asset] route), reading /api/openapi.json. No CDN.
 */
export const DOCS_ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'init.js': 'text/javascript; charset=utf-8',
} as const

export type DocsAsset = keyof typeof DOCS_ASSETS

export function isDocsAsset(name: string): name is DocsAsset {
  return Object.hasOwn(DOCS_ASSETS, name)
}

const assetPath = (name: DocsAsset) => `${machinePaths.apiDocs}/${name}`

/** Our own start-up script (a file, not inline, so a strict CSP can drop 'unsafe-inline'). */
export const DOCS_INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: ${JSON.stringify(machinePaths.openapi)}, dom_id: '#swagger-ui', deepLinking: true, supportedSubmitMethods: ['get'] })
})
`

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** A fixed template: only the title varies, and it is escaped. */
export function renderDocsPage(siteName: string): string {
  const title = escapeText(`${siteName} public API`)
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="${assetPath('swagger-ui.css')}">
</head>
<body>
<noscript><p>This reference needs JavaScript. The contract itself is at <a href="${machinePaths.openapi}">${machinePaths.openapi}</a>.</p></noscript>
<div id="swagger-ui"></div>
<script src="${assetPath('swagger-ui-bundle.js')}"></script>
<script src="${assetPath('init.js')}"></script>
</body>
</html>
`
}
