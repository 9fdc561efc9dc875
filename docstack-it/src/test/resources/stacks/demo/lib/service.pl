#!/usr/bin/perl
# One tiny HTTP service for docstack's stack tests, in the role $ROLE:
#   kvstore: PUT /accounts/NAME?secret=S stores an account on its volume; GET /check/NAME?secret=S answers 200 or 403
#   webapp:  GET / asks the kvstore (KV_URL, KV_USER, KV_SECRET from the provider's exports) whether its account works
#   clock:   GET / answers tick
# Every role answers GET /healthz once it listens, DELAY seconds after start. On SIGTERM the kvstore notes a clean
# shutdown on its volume (GET /last-shutdown shows it) and every role exits 0.
use strict;
use warnings;
use IO::Socket::INET;

my $role = $ENV{ROLE} or die "ROLE is not set\n";
my $port = $ENV{PORT} or die "PORT is not set\n";
my $data = $ENV{DATA_DIR} || '/data';
$SIG{TERM} = sub {
    if ($role eq 'kvstore' && open(my $note, '>', "$data/.last-shutdown")) {
        print $note "clean\n";
        close $note;
    }
    exit 0;
};
sleep($ENV{DELAY} || 0);
require '/srv/http.pl';

my $server = IO::Socket::INET->new(LocalPort => $port, Listen => 32, ReuseAddr => 1) or die "cannot listen on $port: $@\n";
$| = 1;
print "$role listening on $port\n";
while (my $client = $server->accept) {
    my $request = <$client> // '';
    while (my $line = <$client>) {
        last if $line =~ /^\r?\n$/;
    }
    my ($method, $path) = $request =~ m{^(\w+) (\S+)};
    $path //= '/';
    my ($status, $body) = (200, "ok\n");
    if ($path eq '/healthz') {
        # ready
    } elsif ($role eq 'kvstore' && $method eq 'PUT' && $path =~ m{^/accounts/([\w-]+)\?secret=(\w+)$}) {
        open(my $file, '>', "$data/$1") or die "cannot write $data/$1: $@\n";
        print $file $2;
        close $file;
        $body = "created $1\n";
    } elsif ($role eq 'kvstore' && $path =~ m{^/check/([\w-]+)\?secret=(\w+)$}) {
        my $stored = -e "$data/$1" ? do { local (@ARGV, $/) = ("$data/$1"); <> } : '';
        ($status, $body) = $stored eq $2 ? (200, "account $1 ok\n") : (403, "account $1 refused\n");
    } elsif ($role eq 'kvstore' && $path eq '/last-shutdown') {
        ($status, $body) = -e "$data/.last-shutdown" ? (200, do { local (@ARGV, $/) = ("$data/.last-shutdown"); <> })
            : (404, "no clean shutdown noted\n");
        unlink "$data/.last-shutdown";
    } elsif ($role eq 'webapp' && $path eq '/') {
        my ($code) = http_get("$ENV{KV_URL}/check/$ENV{KV_USER}?secret=$ENV{KV_SECRET}");
        $body = $code == 200 ? "webapp: account ok\n" : "webapp: account refused ($code)\n";
    } elsif ($role eq 'clock' && $path eq '/') {
        $body = "tick\n";
    } else {
        ($status, $body) = (404, "no such thing: $path\n");
    }
    print $client "HTTP/1.0 $status X\r\nContent-Type: text/plain\r\nContent-Length: " . length($body) . "\r\n\r\n" . $body;
    close $client;
}
