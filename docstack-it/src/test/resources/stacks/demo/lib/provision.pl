#!/usr/bin/perl
# The kvstore's provision step: creates the consumer's account with its secret, over the stack network.
use strict;
use warnings;
require '/srv/http.pl';
my ($status, $body) = http_put("http://kvstore:7001/accounts/$ENV{DOCSTACK_CONSUMER}?secret=$ENV{DOCSTACK_SECRET}");
print $body;
exit($status == 200 ? 0 : 1);
