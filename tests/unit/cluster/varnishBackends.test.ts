import fs from 'node:fs'

import { describe, expect, it } from '@jest/globals'

import { renderBackendsVcl } from '../../../scripts/lib/varnishBackends'

describe('renderBackendsVcl', () => {
  it('is what deploy/varnish/backends.vcl shows for two processes (one template for both)', () => {
    const example = fs.readFileSync('deploy/varnish/backends.vcl', 'utf8')
    expect(renderBackendsVcl([{ host: '127.0.0.1', port: 3001 }, { host: '127.0.0.1', port: 3002 }])).toBe(example)
  })

  it('puts every process behind the health probe and in the director', () => {
    const vcl = renderBackendsVcl([{ host: '10.0.0.5', port: 3000 }, { host: '10.0.0.6', port: 3000 }, { host: '10.0.0.7', port: 3000 }])
    expect(vcl.match(/\.probe = healthz;/g)).toHaveLength(3)
    expect(vcl).toContain('.host = "10.0.0.7";')
    expect(vcl).toContain('apps.add_backend(app3);')
  })

  it('refuses an empty list', () => {
    expect(() => renderBackendsVcl([])).toThrow(/at least one app process/)
  })
})
