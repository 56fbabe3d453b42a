# Varnish 7.1 (Debian's varnish + varnish-modules) in front of the app processes.
#
# Caches what the app marks public (a Surrogate-Key header and Cache-Control: public) until a
# publish purges its tags, and immutable files (build assets, versioned media) for their max-age;
# nothing else. Passes anything personal straight through; spreads requests over the processes
# that pass their /healthz probe, retrying a read on another when one dies mid-request. Run it with the backends file beside it:
#   varnishd -a :80 -p vcl_path=/etc/varnish -f /etc/varnish/default.vcl -s malloc,256m
# The app purges with PROXY_PURGE_URL=http://<varnish>/ (a PURGE listing tags in xkey-purge).
vcl 4.1;

import directors;
import xkey;

# The app processes, their probe and the `apps` director: backends.vcl (an example is beside
# this file; scripts/lib/cluster.ts writes one for the ports it uses).
include "backends.vcl";

# Who may purge: the app processes. Add their addresses when they run on other hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "PURGE is accepted from the app servers only"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "PURGE needs an xkey-purge header listing the tags to purge"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    # Spreads requests evenly over the processes (see vcl_backend_fetch).
    set req.http.X-Shard-Key = req.xid;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The same rules as the app's own response cache (src/server/responseCache/policy.ts):
    # anything personal goes to the app uncached: a session (cookie or header), draft mode, a
    # draft or preview read; so do Next's client navigation and prefetch requests.
    if (req.http.Authorization
        || req.http.Cookie ~ "(^|;)\s*(payload-[^=]*|__prerender_bypass|__next_preview_data)="
        || req.url ~ "[?&](draft|preview|_rsc)(=|&|$)"
        || req.http.RSC || req.http.Next-Router-Prefetch || req.http.Next-Router-State-Tree
        || req.http.Next-Router-Segment-Prefetch || req.http.Next-Action) {
        return (pass);
    }
    # The admin, accounts, jobs, GraphQL, preview routes and health are never cached here.
    if (req.url ~ "^/(admin|next/|preview/|healthz)" || req.url ~ "^/api/(users|payload-|graphql)") {
        return (pass);
    }
    # Pages and public documents read no query (as in the app's cacheKey, policy.ts): their key is
    # the path alone, so random queries cannot make renders of their own. The API (and search,
    # never kept, and Next's image route) read theirs: only tracking parameters are left out, the
    # same list as the app's. The app is asked for the URL as keyed.
    if (req.url ~ "^/(api/|search([/?]|$)|_next/)") {
        set req.url = regsuball(req.url, "(?i)(?<=[?&])(utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl)(=[^&]*)?(&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    } else {
        set req.url = regsub(req.url, "\?.*$", "");
    }
    # Other cookies (consent, analytics) do not change what the site sends; keep them from splitting the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_fetch {
    # A key per request spreads the load; a retry takes the next process on the ring for that
    # key (alt), so it never lands on the one that just failed, even before its probe notices.
    set bereq.backend = apps.backend(by=KEY, key=apps.key(bereq.http.X-Shard-Key), alt=bereq.retries, healthy=ALL);
}

sub vcl_backend_response {
    # A process that is shutting down or cannot reach the database: try another (reads only).
    if (beresp.status == 503 && bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (beresp.http.Surrogate-Key) {
        # xkey indexes the object under each tag, so a PURGE of a tag finds exactly these objects.
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        # Browsers get max-age=0 (never stale news); here a purge ends the copy, so it may stay
        # long (or as long as an s-maxage the app sends for purging proxies).
        if (beresp.http.Cache-Control ~ "(?i)\bpublic\b" && beresp.http.Cache-Control !~ "(?i)s-maxage" && !beresp.http.Set-Cookie) {
            set beresp.ttl = 1d;
        }
        set beresp.grace = 0s;
    } elsif (beresp.http.Cache-Control !~ "(?i)\bimmutable\b") {
        # Untagged and not immutable: no purge could ever reach it, so it is not kept at all
        # (whatever max-age or s-maxage it carries). Later responses may still be stored.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Varnish's built-in rules follow: no storing of Set-Cookie, private or no-store responses.
}

sub vcl_backend_error {
    # A process that died mid-request, before its probe noticed: try another (reads only).
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_synth {
    # Plain answers to PURGE, for the app's log, instead of the HTML error page.
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
