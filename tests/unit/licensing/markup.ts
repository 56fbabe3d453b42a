// Small helpers to inspect generated markup without a parser dependency.

/** Visible text of an HTML fragment: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|apos|amp);/g, (_, name: string) =>
      ({ lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", amp: '&' })[name] ?? '',
    )
}

/** Throws unless every start tag has a matching end tag, properly nested. */
export function assertBalanced(markup: string): void {
  const stack: string[] = []
  const tags = markup.replace(/<\?[^?]*\?>/g, '').matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)
  for (const [, closing, name, selfClosing] of tags) {
    if (!name || selfClosing) continue
    if (!closing) stack.push(name)
    else if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`)
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`)
}

/** Names of all elements in the fragment. */
export function tagNames(markup: string): string[] {
  return [...markup.matchAll(/<([A-Za-z][\w:.-]*)/g)].map((m) => m[1] ?? '')
}

/** Values of an attribute across the fragment (still escaped). */
export function attributeValues(markup: string, attribute: string): string[] {
  return [...markup.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '')
}
