#!/usr/bin/perl
# webapp's init step: the account the kvstore provisioned works with the exports webapp was given.
use strict;
use warnings;
require '/srv/http.pl';
my ($status, $body) = http_get("$ENV{KV_URL}/check/$ENV{KV_USER}?secret=$ENV{KV_SECRET}");
print $body;
exit($status == 200 ? 0 : 1);
