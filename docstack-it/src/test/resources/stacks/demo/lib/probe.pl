#!/usr/bin/perl
# Healthcheck: exit 0 when GET /healthz on localhost:PORT answers 200.
use strict;
use warnings;
require '/srv/http.pl';
my ($status) = http_get("http://127.0.0.1:$ARGV[0]/healthz");
exit($status == 200 ? 0 : 1);
