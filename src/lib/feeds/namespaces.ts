/** XML namespaces the feeds use. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom'
export const MEDIA_RSS_NS = 'http://search.yahoo.com/mrss/'
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/'
export const DC_NS = 'http://purl.org/dc/elements/1.1/'
