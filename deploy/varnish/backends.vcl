# Example: two app processes on this host. scripts/lib/cluster.ts writes its own from the same
# template (scripts/lib/varnishBackends.ts); copy this beside default.vcl and list your servers.
probe healthz {
    .url = "/healthz";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "3001";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 60s;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "3002";
    .probe = healthz;
    .connect_timeout = 1s;
    .first_byte_timeout = 60s;
}

sub vcl_init {
    new apps = directors.shard();
    apps.add_backend(app1);
    apps.add_backend(app2);
    apps.reconfigure();
}
