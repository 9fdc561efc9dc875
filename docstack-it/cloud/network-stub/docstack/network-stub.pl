#!/usr/bin/perl
# A stand-in for neutron, for the sample cloud's nova with the fake virt driver and servers created with
# --nic none: it answers the few reads nova makes (ports, security groups, networks, extensions) with empty
# lists. It is not a network service; replace it with neutron for real networking.
use strict;
use warnings;
use IO::Socket::INET;

my %empty = (ports => 'ports', 'security-groups' => 'security_groups', networks => 'networks', subnets => 'subnets',
             extensions => 'extensions', floatingips => 'floatingips', trunks => 'trunks', qos => 'policies');
my $server = IO::Socket::INET->new(LocalPort => 9696, Listen => 32, ReuseAddr => 1) or die "cannot listen on 9696: $@\n";
$| = 1;
print "network stub listening on 9696\n";
while (my $client = $server->accept) {
    my $request = <$client> // '';
    while (my $line = <$client>) {
        last if $line =~ /^\r?\n$/;
    }
    my ($path) = $request =~ m{^\w+ (\S+)};
    $path //= '/';
    my ($status, $body) = (200, '{"versions": [{"id": "v2.0", "status": "CURRENT"}]}');
    if ($path =~ m{^/v2\.0/([a-z-]+)}) {
        my $key = $empty{$1};
        ($status, $body) = $key ? (200, "{\"$key\": []}") : (404, '{"NeutronError": {"message": "not in the stub"}}');
    }
    print "$path -> $status\n";
    print $client "HTTP/1.0 $status X\r\nContent-Type: application/json\r\nContent-Length: " . length($body) . "\r\n\r\n" . $body;
    close $client;
}
