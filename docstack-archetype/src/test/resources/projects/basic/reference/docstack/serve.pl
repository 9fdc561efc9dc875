#!/usr/bin/perl
# A placeholder service so the image works from the first build: it answers GET / and GET /healthz.
# Replace it with your own service, and the Dockerfile's COPY, CMD and HEALTHCHECK with what it needs.
# (No $-bang variables here: the archetype's template engine would eat them.)
use strict;
use warnings;
use IO::Socket::INET;

my $server = IO::Socket::INET->new(LocalPort => 9090, Listen => 16, ReuseAddr => 1)
    or die "cannot listen on 9090: $@";
$| = 1;
print "demo listening on 9090\n";
while (my $client = $server->accept) {
    my $request = <$client> // '';
    while (my $line = <$client>) {
        last if $line =~ /^\r?\n$/;
    }
    my $body = $request =~ m{^GET /healthz} ? "ok\n" : "demo is running\n";
    print $client "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " . length($body) . "\r\n\r\n" . $body;
    close $client;
}
