#!/usr/bin/perl
# A tiny HTTP service for docstack's tests: GET / answers the greeting, GET /healthz answers ok.
# With --check it is its own healthcheck client.
use strict;
use warnings;
use IO::Socket::INET;

my $greeting = "hello from docstack v1";
my $port = $ENV{PORT} || 8080;

if (@ARGV && $ARGV[0] eq '--check') {
    my $socket = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Timeout => 2) or exit 1;
    print $socket "GET /healthz HTTP/1.0\r\n\r\n";
    my $status = <$socket> // '';
    exit($status =~ / 200 / ? 0 : 1);
}

my $server = IO::Socket::INET->new(LocalPort => $port, Listen => 16, ReuseAddr => 1) or die "cannot listen on $port: $!";
$| = 1;
print "listening on $port\n";
while (my $client = $server->accept) {
    my $request = <$client> // '';
    while (my $line = <$client>) {
        last if $line =~ /^\r?\n$/;
    }
    my $body = $request =~ m{^GET /healthz} ? "ok\n" : "$greeting\n";
    print $client "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " . length($body) . "\r\n\r\n" . $body;
    close $client;
}
