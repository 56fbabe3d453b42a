export type Backend = { host: string; port: number }

/**
 * The backends file deploy/varnish/default.vcl includes: one backend per app process, all behind
 * the /healthz probe (a process that fails two of three probes a second apart gets no traffic).
 */
export function renderBackendsVcl(backends: Backend[]): string {
  if (backends.length === 0) throw new Error('Varnish needs at least one app process to send requests to')
  const names = backends.map((_, index) => `app${index + 1}`)
  return [
    '# Example: two app processes on this host. scripts/lib/cluster.ts writes its own from the same',
    '# template (scripts/lib/varnishBackends.ts); copy this beside default.vcl and list your servers.',
    'probe healthz {',
    '    .url = "/healthz";',
    '    .interval = 1s;',
    '    .timeout = 2s;',
    '    .window = 3;',
    '    .threshold = 2;',
    '    .initial = 2;',
    '}',
    ...backends.flatMap(({ host, port }, index) => [
      '',
      `backend ${names[index]} {`,
      `    .host = "${host}";`,
      `    .port = "${port}";`,
      '    .probe = healthz;',
      '    .connect_timeout = 1s;',
      '    .first_byte_timeout = 60s;',
      '}',
    ]),
    '',
    'sub vcl_init {',
    '    new apps = directors.shard();',
    ...names.map((name) => `    apps.add_backend(${name});`),
    '    apps.reconfigure();',
    '}',
    '',
  ].join('\n')
}
